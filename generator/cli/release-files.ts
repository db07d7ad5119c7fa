/**
 * The release state of a model folder (issue 19), read by generate and written by release:
 * `model/<name>/release.json` (`{ "versie": "1.1.0" }`, the package's version at its last release) and
 * `model/<name>/CHANGELOG.md` (the release history). Both live in the model folder because generate must
 * produce the package from the sources alone (`generate --check` at every commit), the folder travels with
 * the model, and a git revision's folder (a release tag) says which version it was.
 */
import { posix } from 'node:path';
import { finding, type Finding } from '../diagnostics/findings.ts';
import type { SourceReader } from '../model/yaml-source.ts';
import { parseSemver, RELEASE_CHANGELOG, RELEASE_FILE } from '../release/index.ts';

export interface ReleaseState {
  /** The package's version at the last release; undefined before the first. */
  versie?: string;
  /** The release history's text. */
  changelog?: string;
}

/** Reads the release state of a model folder; a release.json that cannot be used is a finding. */
export function leesRelease(folder: string, reader: SourceReader): { state: ReleaseState; findings: Finding[] } {
  const file = posix.join(folder, RELEASE_FILE);
  const state: ReleaseState = {};
  const findings: Finding[] = [];
  const changelog = reader.read(posix.join(folder, RELEASE_CHANGELOG));
  if (changelog !== undefined) state.changelog = new TextDecoder().decode(changelog);
  const bytes = reader.read(file);
  if (bytes === undefined) return { state, findings };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    findings.push(
      finding(
        { file, line: 1, column: 1 },
        'error',
        'invalid-value',
        `${RELEASE_FILE} is not JSON: ${(e as Error).message}; it is written by mimgen release as { "versie": "x.y.z" }`,
      ),
    );
    return { state, findings };
  }
  const versie = (value as { versie?: unknown } | null)?.versie;
  if (typeof versie !== 'string' || !parseSemver(versie)) {
    findings.push(
      finding(
        { file, line: 1, column: 1 },
        'error',
        'invalid-value',
        `${RELEASE_FILE} must be { "versie": "x.y.z" } with a semver version (written by mimgen release)`,
      ),
    );
    return { state, findings };
  }
  state.versie = versie;
  return { state, findings };
}
