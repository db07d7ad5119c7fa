/**
 * The previous version of a model, for its changelog (emit/changelog), as recorded in
 * `model/<name>/vorige-versie.json`:
 *
 *     { "versie": "0.9", "revisie": "v0.9" }
 *
 * `revisie` is a git revision of this repository (the tag or commit of the last release); `map` may name
 * the model folder at that revision when it was elsewhere. The previous version is the model at that
 * revision, or, when today's loader cannot read it any more, the compat schema generated at that revision.
 * Nothing from ../shared is copied into the repository: a published schema that the project never
 * generated is compared with `mimgen diff`, not recorded. Without the file there is no CHANGELOG.md.
 */
import { posix } from 'node:path';
import { finding, type Finding } from '../diagnostics/findings.ts';
import type { Uitwisselmodel } from '../derive/types.ts';
import type { Kant } from '../diff/index.ts';
import { checkSchema, decodeJsonText, parseJson } from '../diff/json.ts';
import { DiffInputError, isObject } from '../diff/types.ts';
import { VORIGE_VERSIE, type Vorige, type VorigeVersie } from '../emit/changelog/index.ts';
import { COMPAT_SCHEMA } from '../emit/json-schema/index.ts';
import type { Informatiemodel } from '../model/types.ts';
import type { SourceReader } from '../model/yaml-source.ts';
import { loadModel, type LoadOptions } from '../pipeline.ts';
import { GitRevisionReader } from './git-reader.ts';

/** How the current model was loaded and written (from mimgen.config.yaml), so that the previous version is read alike. */
export interface VorigeContext {
  /** Loaded with the same options, so that a package name the config gives does not show as a change. */
  load?: LoadOptions;
  /** The output folder at that revision, for the schema generated then; default generated. */
  output?: string;
}

/** Reads and checks `vorige-versie.json` in a model folder; undefined when there is none. */
export function leesVorigeVersie(folder: string, reader: SourceReader): VorigeVersie | undefined {
  const file = posix.join(folder, VORIGE_VERSIE);
  const bytes = reader.read(file);
  if (bytes === undefined) return undefined;
  const { value } = parseJson(file, decodeJsonText(file, bytes));
  const fout = (m: string): never => {
    throw new DiffInputError(`${m}; write { "versie": "<previous version>", "revisie": "<git tag or commit>" }`, {
      file,
      line: 1,
      column: 1,
    });
  };
  if (!isObject(value)) return fout('the previous version must be an object');
  const onbekend = Object.keys(value).filter((k) => !['versie', 'revisie', 'map'].includes(k));
  if (onbekend.length > 0) fout(`unknown key(s) ${onbekend.map((k) => JSON.stringify(k)).join(', ')}`);
  if (typeof value.versie !== 'string' || value.versie === '') fout('"versie" must be a non-empty string');
  if (typeof value.revisie !== 'string' || value.revisie === '') fout('"revisie" must be a non-empty string');
  if (value.map !== undefined && typeof value.map !== 'string') fout('"map" must be a string');
  return {
    versie: value.versie as string,
    revisie: value.revisie as string,
    ...(typeof value.map === 'string' ? { map: value.map } : {}),
  };
}

/** The previous version at its revision: the model when it loads, else the compat schema generated then. */
export function leesVorige(
  folder: string,
  record: VorigeVersie,
  cwd = process.cwd(),
  context: VorigeContext = {},
): Kant {
  const git = GitRevisionReader.open(record.revisie, cwd);
  const map = record.map ?? folder;
  try {
    const loaded = loadModel(map, git, context.load);
    if (loaded.informatiemodel && loaded.uitwisselmodel && !loaded.findings.some((f) => f.severity === 'error')) {
      return {
        soort: 'model',
        label: record.versie,
        informatiemodel: loaded.informatiemodel,
        uitwisselmodel: loaded.uitwisselmodel,
      };
    }
  } catch {
    // fall back to the schema generated at that revision
  }
  const schemaPad = posix.join(context.output ?? 'generated', posix.basename(map), COMPAT_SCHEMA);
  const bytes = git.read(schemaPad);
  if (bytes === undefined) {
    throw new DiffInputError(
      `the previous version at revision ${record.revisie} has neither a model in ${map} that loads nor a ${schemaPad}`,
    );
  }
  const label = `${record.revisie}:${schemaPad}`;
  const gelezen = parseJson(label, decodeJsonText(label, bytes));
  checkSchema(label, gelezen);
  return { soort: 'schema', label: record.versie, schema: gelezen.value };
}

/**
 * The previous version for `generate`'s changelog: none without a record (or without a derivation to compare);
 * a problem with the record or the revision is a finding in vorige-versie.json.
 */
export function vorigeVersie(
  folder: string,
  huidig: { informatiemodel?: Informatiemodel; uitwisselmodel?: Uitwisselmodel },
  reader: SourceReader,
  cwd = process.cwd(),
  context: VorigeContext = {},
): { vorige?: Vorige; findings: Finding[] } {
  const file = posix.join(folder, VORIGE_VERSIE);
  try {
    const record = leesVorigeVersie(folder, reader);
    if (!record || !huidig.informatiemodel || !huidig.uitwisselmodel) return { findings: [] };
    return { vorige: { kant: leesVorige(folder, record, cwd, context), record }, findings: [] };
  } catch (e) {
    if (!(e instanceof DiffInputError)) throw e;
    return { findings: [finding(e.at ?? { file, line: 1, column: 1 }, 'error', 'previous-version', e.message)] };
  }
}
