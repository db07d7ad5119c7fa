/**
 * The release state of a model folder (issue 19), read by generate and written by release:
 * `model/<name>/release.json` (`{ "versie": "1.1.0" }`, the package's version at its last release) and
 * `model/<name>/CHANGELOG.md` (the release history). Both live in the model folder because generate must
 * produce the package from the sources alone (`generate --check` at every commit), the folder travels with
 * the model, and a git revision's folder (a release tag) says which version it was.
 */
import jsonc from 'jsonc-parser';
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

/** The line and column (1-based) of an offset in a text. */
function plek(file: string, text: string, offset: number): { file: string; line: number; column: number } {
  const voor = text.slice(0, offset).split('\n');
  return { file, line: voor.length, column: voor.at(-1)!.length + 1 };
}

const FORM = 'it is written by mimgen release as { "versie": "x.y.z" }';

/**
 * Reads the release state of a model folder. A release.json that cannot be used is a finding of its own rule,
 * release-file, at the place in the file: its JSON syntax error, the versie that is not semver, the key that is
 * not versie.
 */
export function leesRelease(folder: string, reader: SourceReader): { state: ReleaseState; findings: Finding[] } {
  const file = posix.join(folder, RELEASE_FILE);
  const state: ReleaseState = {};
  const changelog = reader.read(posix.join(folder, RELEASE_CHANGELOG));
  if (changelog !== undefined) state.changelog = new TextDecoder().decode(changelog);
  const bytes = reader.read(file);
  if (bytes === undefined) return { state, findings: [] };
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const fout = (offset: number, message: string): { state: ReleaseState; findings: Finding[] } => ({
    state,
    findings: [finding(plek(file, text, offset), 'error', 'release-file', message)],
  });
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || root === undefined)
    return fout(
      errors[0]?.offset ?? 0,
      `${RELEASE_FILE} is not JSON (${jsonc.printParseErrorCode(errors[0]?.error ?? 4)}); ${FORM}`,
    );
  if (root.type !== 'object') return fout(root.offset, `${RELEASE_FILE} must be an object; ${FORM}`);
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    if (key && key.value !== 'versie')
      return fout(key.offset, `unknown key ${JSON.stringify(key.value)} in ${RELEASE_FILE}; ${FORM}`);
  }
  const node = jsonc.findNodeAtLocation(root, ['versie']);
  if (node === undefined) return fout(root.offset, `${RELEASE_FILE} has no "versie"; ${FORM}`);
  if (node.type !== 'string' || !parseSemver(node.value as string))
    return fout(
      node.offset,
      `"versie" must be a semver version x.y.z, not ${text.slice(node.offset, node.offset + node.length)}; ${FORM}`,
    );
  state.versie = node.value as string;
  return { state, findings: [] };
}
