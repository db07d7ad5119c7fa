/**
 * `generated/<name>/CHANGELOG.md`: the diff between the model and its previous version, as recorded in
 * `model/<name>/vorige-versie.json`:
 *
 *     { "versie": "0.9", "revisie": "v0.9" }
 *
 * `revisie` is a git revision of this repository (the tag or commit of the last release); `map` may name
 * the model folder at that revision when it was elsewhere. The previous version is the model at that
 * revision, or, when today's loader cannot read it any more, the compat schema generated at that revision.
 * Nothing from ../shared is copied into the repository: a published schema that the project never
 * generated is compared with `mimgen diff`, not recorded. Without the file there is no CHANGELOG.md.
 *
 * `emitChangelog` is pure; `changelogBestanden` is the hook that `generate` calls, and does the git I/O.
 */
import { posix } from 'node:path';
import type { Uitwisselmodel } from '../derive/types.ts';
import { COMPAT_SCHEMA } from '../emit/json-schema/index.ts';
import type { Finding } from '../diagnostics/findings.ts';
import type { Informatiemodel } from '../model/types.ts';
import type { SourceReader } from '../model/yaml-source.ts';
import { loadModel, type LoadOptions } from '../pipeline.ts';
import { GitRevisionReader } from './git-reader.ts';
import { diff, type Kant } from './index.ts';
import { checkSchema, decodeJsonText, parseJson } from './json.ts';
import { mdTekst, renderMarkdown } from './render.ts';
import { isObject } from './schema-diff.ts';
import { DiffInputError } from './types.ts';

export const VORIGE_VERSIE = 'vorige-versie.json';
export const CHANGELOG = 'CHANGELOG.md';

/** How the current model was loaded and written (from mimgen.config.yaml), so that the previous version is read alike. */
export interface VorigeContext {
  /** Loaded with the same options, so that a package name the config gives does not show as a change. */
  load?: LoadOptions;
  /** The output folder at that revision, for the schema generated then; default generated. */
  output?: string;
}

export interface VorigeVersie {
  versie: string;
  revisie: string;
  map?: string;
}

/** The changelog of an uitwisselmodel against its previous version. Pure. */
export function emitChangelog(huidig: { informatiemodel: Informatiemodel; uitwisselmodel: Uitwisselmodel }, vorige: Kant, record: VorigeVersie): Map<string, string> {
  const um = huidig.uitwisselmodel;
  const result = diff(
    { ...vorige, label: `${record.versie}` },
    { soort: 'model', label: um.versie, informatiemodel: huidig.informatiemodel, uitwisselmodel: um },
  );
  const bron =
    vorige.soort === 'model'
      ? `het model op revisie ${mdTekst(record.revisie)}`
      : `het schema dat op revisie ${mdTekst(record.revisie)} gegenereerd was (het model van toen laat zich niet meer laden, dus alleen het bericht is vergeleken)`;
  const tekst = [
    `# Changelog ${mdTekst(um.naam)} (${mdTekst(um.pakketnaam)})`,
    '',
    `Gegenereerd door \`mimgen generate\` uit het model en de vorige versie in \`${VORIGE_VERSIE}\`: ${bron}. Niet met de hand bewerken.`,
    '',
    renderMarkdown(result, { niveau: 2, titel: `Versie ${mdTekst(um.versie)}, ten opzichte van ${mdTekst(record.versie)}` }).trimEnd(),
    '',
  ].join('\n');
  return new Map([[CHANGELOG, tekst]]);
}

/** Reads and checks `vorige-versie.json` in a model folder; undefined when there is none. */
export function leesVorigeVersie(folder: string, reader: SourceReader): VorigeVersie | undefined {
  const file = posix.join(folder, VORIGE_VERSIE);
  const bytes = reader.read(file);
  if (bytes === undefined) return undefined;
  const { value } = parseJson(file, decodeJsonText(file, bytes));
  const fout = (m: string): never => {
    throw new DiffInputError(`${m}; write { "versie": "<previous version>", "revisie": "<git tag or commit>" }`, { file, line: 1, column: 1 });
  };
  if (!isObject(value)) return fout('the previous version must be an object');
  const onbekend = Object.keys(value).filter((k) => !['versie', 'revisie', 'map'].includes(k));
  if (onbekend.length > 0) fout(`unknown key(s) ${onbekend.map((k) => JSON.stringify(k)).join(', ')}`);
  if (typeof value.versie !== 'string' || value.versie === '') fout('"versie" must be a non-empty string');
  if (typeof value.revisie !== 'string' || value.revisie === '') fout('"revisie" must be a non-empty string');
  if (value.map !== undefined && typeof value.map !== 'string') fout('"map" must be a string');
  return { versie: value.versie as string, revisie: value.revisie as string, ...(typeof value.map === 'string' ? { map: value.map } : {}) };
}

/** The previous version at its revision: the model when it loads, else the compat schema generated then. */
export function leesVorige(folder: string, record: VorigeVersie, cwd = process.cwd(), context: VorigeContext = {}): Kant {
  const git = GitRevisionReader.open(record.revisie, cwd);
  const map = record.map ?? folder;
  try {
    const loaded = loadModel(map, git, context.load);
    if (loaded.informatiemodel && loaded.uitwisselmodel && !loaded.findings.some((f) => f.severity === 'error')) {
      return { soort: 'model', label: record.versie, informatiemodel: loaded.informatiemodel, uitwisselmodel: loaded.uitwisselmodel };
    }
  } catch {
    // fall back to the schema generated at that revision
  }
  const schemaPad = posix.join(context.output ?? 'generated', posix.basename(map), COMPAT_SCHEMA);
  const bytes = git.read(schemaPad);
  if (bytes === undefined) {
    throw new DiffInputError(`the previous version at revision ${record.revisie} has neither a model in ${map} that loads nor a ${schemaPad}`);
  }
  const label = `${record.revisie}:${schemaPad}`;
  const gelezen = parseJson(label, decodeJsonText(label, bytes));
  checkSchema(label, gelezen);
  return { soort: 'schema', label: record.versie, schema: gelezen.value };
}

/**
 * The hook for `generate`: CHANGELOG.md for a model with a recorded previous version, nothing without one;
 * a problem with the record or the revision is a finding in vorige-versie.json.
 */
export function changelogBestanden(
  folder: string,
  huidig: { informatiemodel?: Informatiemodel; uitwisselmodel?: Uitwisselmodel },
  reader: SourceReader,
  cwd = process.cwd(),
  context: VorigeContext = {},
): { files: Map<string, string>; findings: Finding[] } {
  const file = posix.join(folder, VORIGE_VERSIE);
  try {
    const record = leesVorigeVersie(folder, reader);
    if (!record || !huidig.informatiemodel || !huidig.uitwisselmodel) return { files: new Map(), findings: [] };
    const vorige = leesVorige(folder, record, cwd, context);
    return { files: emitChangelog({ informatiemodel: huidig.informatiemodel, uitwisselmodel: huidig.uitwisselmodel }, vorige, record), findings: [] };
  } catch (e) {
    if (!(e instanceof DiffInputError)) throw e;
    const at = e.at ?? { file, line: 1, column: 1 };
    return { files: new Map(), findings: [{ ...at, severity: 'error', rule: 'previous-version', message: e.message }] };
  }
}
