/**
 * The two sides of `mimgen diff`: a model folder (or a model name under model/), a model folder or schema
 * file at a git revision (`<rev>:<path>`), or a JSON Schema file. I/O; every problem is a DiffInputError.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Config } from './config.ts';
import { defaultConfig, loadOptions } from './config-defaults.ts';
import { fileSystemReader } from './fs-reader.ts';
import { formatFinding, UnreadableInput } from '../diagnostics/findings.ts';
import type { SourceReader } from '../model/yaml-source.ts';
import { loadModel } from '../pipeline.ts';
import { GitRevisionReader } from './git-reader.ts';
import type { Kant } from '../diff/index.ts';
import { checkSchema, decodeJsonText, parseJson } from '../diff/json.ts';
import { DiffInputError, isObject } from '../diff/types.ts';

export interface GelezenKant {
  kant: Kant;
  /** Things to tell on stderr that do not stop the diff. */
  waarschuwingen: string[];
}

/**
 * Reads one side of a diff from its command-line argument. A model name is looked up in the config's models
 * folder, and every model is loaded with what the config gives it (its package name), on both sides alike.
 */
export function leesKant(arg: string, cwd = process.cwd(), config: Config = defaultConfig()): GelezenKant {
  if (arg === '')
    throw new DiffInputError('an empty argument; give a model folder, <rev>:<folder> or a JSON Schema file');
  if (existsSync(arg)) {
    const stat = statSync(arg);
    if (stat.isDirectory()) return leesModel(arg.replace(/\/+$/, '') || '/', fileSystemReader, arg, config);
    let bytes: Buffer;
    try {
      bytes = readFileSync(arg);
    } catch (e) {
      throw new DiffInputError(`cannot read the file: ${(e as Error).message}`, { file: arg, line: 1, column: 1 });
    }
    return leesSchema(arg, bytes, arg);
  }
  // A model name, as lint and generate take it.
  if (!arg.includes('/') && !arg.includes(':') && existsSync(`${config.models}/${arg}`))
    return leesModel(`${config.models}/${arg}`, fileSystemReader, arg, config);
  const m = /^([^:]+):(.*)$/.exec(arg);
  if (m && !/^[A-Za-z]$/.test(m[1]!)) {
    const [, revisie, pad] = m as unknown as [string, string, string];
    if (pad === '')
      throw new DiffInputError(`${arg}: give a path after the revision, such as ${revisie}:model/vroegsignalering`);
    const reader = GitRevisionReader.open(revisie, cwd);
    const soort = reader.soort(pad);
    if (soort === 'tree') return leesModel(pad.replace(/\/+$/, ''), reader, arg, config);
    if (soort === 'blob') return leesSchema(arg, reader.read(pad)!, arg);
    throw new DiffInputError(`revision ${revisie} has no file or folder ${pad}`);
  }
  throw new DiffInputError(
    `${arg}: no such file or folder (give a model folder, a model name under ${config.models}/, <rev>:<folder> or a JSON Schema file)`,
  );
}

function leesModel(folder: string, reader: SourceReader, label: string, config: Config): GelezenKant {
  let loaded;
  try {
    loaded = loadModel(folder, reader, loadOptions(folder, config));
  } catch (e) {
    if (!(e instanceof UnreadableInput)) throw e;
    const wat =
      e.message === 'the folder holds no .yaml model files'
        ? 'not a model folder: it holds no .yaml model files (nor is it a JSON Schema file)'
        : e.message;
    throw new DiffInputError(
      `${label}: ${wat}`,
      reader === fileSystemReader && e.at.file !== folder ? e.at : undefined,
    );
  }
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 || !loaded.informatiemodel) {
    throw new DiffInputError(
      `${label} is not a model that loads: ${errors.length} error(s)${reader === fileSystemReader ? '; run mimgen lint for all findings' : ''}`,
      undefined,
      errors.map(formatFinding),
    );
  }
  const im = loaded.informatiemodel;
  const waarschuwingen = loaded.uitwisselmodel
    ? []
    : [`${label}: no uitwisselmodel.yaml; only the informatiemodel is compared`];
  return {
    kant: {
      soort: 'model',
      label: `${im.naam} ${im.versie} (${label})`,
      informatiemodel: im,
      uitwisselmodel: loaded.uitwisselmodel,
    },
    waarschuwingen,
  };
}

/** Parses a JSON Schema file, with positions for what is wrong with it. */
export function leesSchema(file: string, bytes: Uint8Array, label: string): GelezenKant {
  const gelezen = parseJson(file, decodeJsonText(file, bytes));
  const waarschuwingen = [
    ...gelezen.waarschuwingen.map((w) => `${w.at.file}:${w.at.line}:${w.at.column}  warning  ${w.message}`),
    ...checkSchema(file, gelezen),
  ];
  const v = gelezen.value;
  const titel = isObject(v) && typeof v.title === 'string' ? `${v.title} ` : '';
  return { kant: { soort: 'schema', label: `${titel}(${label})`.trim(), schema: v }, waarschuwingen };
}
