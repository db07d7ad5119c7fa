/**
 * `mimgen import-xmi <file> --out <folder>`: the file-system side of the importer. Reads the XMI and the
 * shared model files, writes the output folder all at once (built beside it, then swapped in with renames)
 * and reports external references and warnings as `file:line:col  severity  rule  message`.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { formatFinding, type Finding } from '../diagnostics/findings.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { recoverFolder, swapFolder, writeFileAtOnce, writeFiles } from './writer.ts';
import { IMPORT_MARKER } from '../xmi/emit.ts';
import { API_FILE, DERIVATION_FILE } from '../model/load.ts';
import { XmiError } from '../xmi/errors.ts';
import { importXmi, type SharedFile } from '../xmi/import.ts';

export interface ImportXmiCliOptions {
  out?: string;
  package?: string;
  map?: string[];
  mapFile?: string;
  omit?: string[];
  shared?: string[];
  replace?: boolean;
  json?: boolean;
  report?: string;
}

/** Files of a model folder that are not parts of the informatiemodel: an import keeps them and never replaces them. */
const NOT_MODEL_PARTS = [DERIVATION_FILE, API_FILE];

const SCHEMA = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/informatiemodel.schema.json');

export function importXmiCommand(file: string, options: ImportXmiCliOptions, config: Config = defaultConfig()): number {
  try {
    return run(file, options, config);
  } catch (e) {
    if (e instanceof XmiError) {
      for (const f of e.findings) process.stderr.write(`${formatFinding(f)}\n`);
      process.stderr.write(`mimgen import-xmi: ${e.findings.length} error(s); nothing written\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function run(file: string, options: ImportXmiCliOptions, config: Config): number {
  if (!options.out)
    throw XmiError.at({ file, line: 1, column: 1 }, 'usage', 'name the output folder with --out <folder>');
  const bytes = readInput(file);
  const given = options.out.replace(/[\\/]+$/, '') || '.';
  // A bare name is a model: its folder under the models folder (model/, or the config's), as lint and generate read it.
  const out = /^[^\\/]+$/.test(given) && given !== '.' && given !== '..' ? `${config.models}/${given}` : given;
  const map = new Map<string, string>();
  const omit: string[] = [...(options.omit ?? [])];
  if (options.mapFile) readMapFile(options.mapFile, map, omit);
  for (const m of options.map ?? []) {
    const i = m.lastIndexOf('=');
    if (i <= 0)
      throw XmiError.at(
        { file: '--map', line: 1, column: 1 },
        'usage',
        `--map ${m}: write <EA name or id>=<model name>; use --omit to leave a reference out`,
      );
    const doel = m.slice(i + 1).trim();
    if (doel === '') omit.push(m.slice(0, i).trim());
    else map.set(m.slice(0, i).trim(), doel);
  }
  const shared = readShared(out, options.shared);
  const { files, model, encoding } = importXmi(bytes, {
    file,
    package: options.package,
    shared,
    map,
    omit,
    schema: toPosix(relative(resolve(out), SCHEMA)),
  });

  const externals = model.externals.filter((e) => e.status !== 'datatype');
  const unresolved = externals.filter((e) => e.status === 'unresolved');
  const findings: Finding[] = [...model.findings];
  for (const e of unresolved) {
    const first = e.usages[0]!;
    const uses = e.usages.map((u) => u.what).join('; ');
    findings.push({
      ...first.at,
      severity: 'error',
      rule: 'external-reference',
      message: `"${e.naam}" (${e.eaId || 'no id'}) is outside the export, used by ${uses}; map it with --map "${e.naam}=<model name>" or leave it out with --omit "${e.naam}"`,
    });
  }
  writeOut(out, files, options.replace === true);

  const report = {
    file,
    encoding,
    package: { naam: model.packageNaam, id: model.packageId },
    out,
    files: [...files.keys()],
    exporter: model.exporter.naam,
    counts: model.counts,
    notImported: model.notImported,
    externalReferences: externals.map((e) => ({
      naam: e.naam,
      id: e.eaId,
      status: e.status,
      doel: e.doel,
      gebruikt: e.gebruikt,
      usages: e.usages.map((u) => ({ what: u.what, ...u.at })),
    })),
    datatypes: model.externals
      .filter((e) => e.status === 'datatype')
      .map((e) => ({ naam: e.naam, id: e.eaId, doel: e.doel })),
    findings,
  };
  if (options.report) writeFileAtOnce(options.report, `${JSON.stringify(report, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
  const c = model.counts;
  const errors = findings.filter((f) => f.severity === 'error').length;
  process.stderr.write(
    `mimgen import-xmi: wrote ${[...files.keys()].join(', ')} to ${out}: ${c.objecttypen} objecttypen, ${c.attribuutsoorten} attribuutsoorten, ` +
      `${c.relatiesoorten} relatiesoorten, ${c.enumeraties} enumeraties; ${externals.length} external reference(s), ${unresolved.length} unresolved` +
      `${errors > 0 ? `; ${errors} error(s): the model was written with them, and lint reports what is still wrong` : ''}\n`,
  );
  // Written with problems: exit 1. Exit 2 (above, XmiError) is for input that could not be imported at all.
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function readInput(file: string): Uint8Array {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    return readFileSync(file);
  } catch {
    throw XmiError.at({ file, line: 1, column: 1 }, 'unreadable', 'cannot read the file; check the path');
  }
}

/** The map file: `map: { <EA name or id>: <model name> }` and `omit: [<EA name or id>, ...]`. */
function readMapFile(path: string, map: Map<string, string>, omit: string[]): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw XmiError.at({ file: path, line: 1, column: 1 }, 'unreadable', 'cannot read the map file');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lines.linePos(e.pos[0]);
    throw XmiError.at({ file: path, line, column: col }, 'invalid-map-file', e.message.split('\n')[0]!);
  }
  const data = doc.toJS() as unknown;
  const bad = (message: string) => XmiError.at({ file: path, line: 1, column: 1 }, 'invalid-map-file', message);
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data))
    throw bad('write a mapping with "map:" (EA name or id: model name) and "omit:" (a list)');
  for (const key of Object.keys(data))
    if (key !== 'map' && key !== 'omit') throw bad(`unknown key "${key}"; the map file has "map" and "omit"`);
  const m = (data as { map?: unknown }).map;
  if (m !== undefined && m !== null) {
    if (typeof m !== 'object' || Array.isArray(m)) throw bad('"map" must map EA names or ids to model names');
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string' || v.trim() === '') throw bad(`map: "${k}" must name a model element`);
      map.set(k, v.trim());
    }
  }
  const o = (data as { omit?: unknown }).omit;
  if (o !== undefined && o !== null) {
    if (!Array.isArray(o) || o.some((x) => typeof x !== 'string'))
      throw bad('"omit" must be a list of EA names or ids');
    omit.push(...(o as string[]));
  }
}

/** The shared model files: those named with --shared (files or folders), else <out>/../gedeeld/. */
function readShared(out: string, given: string[] | undefined): SharedFile[] {
  const paths: string[] = [];
  const add = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const n of readdirSync(p).sort())
        if (/\.ya?ml$/.test(n) && !NOT_MODEL_PARTS.includes(n)) paths.push(join(p, n));
    } else {
      paths.push(p);
    }
  };
  if (given && given.length > 0) {
    for (const g of given) {
      if (!existsSync(g))
        throw XmiError.at({ file: g, line: 1, column: 1 }, 'unreadable', '--shared names no file or folder');
      add(g);
    }
  } else {
    const gedeeld = join(dirname(resolve(out)), 'gedeeld');
    if (existsSync(gedeeld) && resolve(gedeeld) !== resolve(out)) add(gedeeld);
  }
  return paths.map((p) => {
    let data: unknown;
    try {
      data = parseDocument(readFileSync(p, 'utf8')).toJS();
    } catch {
      throw XmiError.at({ file: p, line: 1, column: 1 }, 'unreadable', 'cannot read this shared model file');
    }
    return { gebruikt: toPosix(relative(resolve(out), resolve(p))), data };
  });
}

/**
 * Writes the files into `out` all at once: the new folder is built beside it with what it keeps (the
 * uitwisselmodel derivation, files that are not model parts) and swapped in with two renames. Model files
 * that a former import did not write are not thrown away without --replace.
 */
function writeOut(out: string, files: Map<string, string>, replace: boolean): void {
  const target = resolve(out);
  recoverFolder(target);
  const keep: string[] = [];
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw XmiError.at({ file: out, line: 1, column: 1 }, 'usage', '--out names a file, not a folder');
    const foreign: string[] = [];
    for (const entry of readdirSync(out).sort()) {
      const path = join(out, entry);
      const isModelPart = /\.ya?ml$/.test(entry) && !NOT_MODEL_PARTS.includes(entry) && statSync(path).isFile();
      if (!isModelPart) {
        keep.push(entry);
        continue;
      }
      if (!readFileSync(path, 'utf8').slice(0, 400).includes(IMPORT_MARKER) && !replace) foreign.push(entry);
    }
    if (foreign.length > 0) {
      throw XmiError.at(
        { file: out, line: 1, column: 1 },
        'out-not-empty',
        `the folder holds model files that no import wrote (${foreign.join(', ')}); remove them, choose another --out, or pass --replace to replace them with the import`,
      );
    }
  }
  swapFolder(target, (tmp) => {
    for (const entry of keep) cpSync(join(out, entry), join(tmp, entry), { recursive: true });
    writeFiles(tmp, files);
  });
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}
