import { posix } from 'node:path';
import { Findings, UnreadableInput, type Finding } from '../diagnostics/findings.ts';
import { resolveInformatiemodel } from './resolve.ts';
import { formatChecker, type FormatChecker } from './structure.ts';
import type { Informatiemodel } from './types.ts';
import { parseYamlFile, type SourceReader, type YamlFile } from './yaml-source.ts';

/** The file in a model folder that holds the uitwisselmodel derivation rather than informatiemodel parts. */
export const DERIVATION_FILE = 'uitwisselmodel.yaml';

/** The file in a model folder that holds the exchange API (generator/api/load.ts reads it). */
export const API_FILE = 'api.yaml';

export interface LoadResult {
  /** Present when there is no error; warnings may still be among the findings. */
  model?: Informatiemodel;
  findings: Finding[];
  files: YamlFile[];
}

let checker: FormatChecker | undefined;

/**
 * Loads the informatiemodel in `dir`: every `.yaml` file there (but the derivation) and the shared files
 * it names under `gebruikt`, checked against the format and resolved. Throws UnreadableInput only when
 * the input cannot be read at all; everything else is a finding.
 */
export function loadInformatiemodel(dir: string, reader: SourceReader): LoadResult {
  checker ??= formatChecker('informatiemodel');
  const folder = posix.normalize(dir.replaceAll('\\', '/')).replace(/\/$/, '');
  const names = reader.listYaml(folder);
  if (names === undefined) throw new UnreadableInput({ file: folder, line: 1, column: 1 }, 'no such model folder');
  const own = names.filter((n) => n !== DERIVATION_FILE && n !== API_FILE).sort();
  if (own.length === 0) {
    throw new UnreadableInput({ file: folder, line: 1, column: 1 }, 'the folder holds no .yaml model files');
  }

  const findings = new Findings();
  const files: YamlFile[] = [];
  const queue = own.map((n) => posix.join(folder, n));
  const seen = new Set<string>(queue);
  const gebruiktDoor = new Map<string, { file: YamlFile; index: number; key: string }>();

  while (queue.length > 0) {
    const path = queue.shift()!;
    const bytes = reader.read(path);
    if (bytes === undefined) {
      const ref = gebruiktDoor.get(path);
      if (!ref) throw new UnreadableInput({ file: path, line: 1, column: 1 }, 'cannot read the file');
      findings.error(
        ref.file.position([ref.key, 'gebruikt', ref.index]),
        'unresolved-reference',
        `the shared file "${path}" does not exist; correct the path (it is relative to this file)`,
      );
      continue;
    }
    const file = parseYamlFile(path, bytes, findings);
    if (!file) continue;
    files.push(file);
    if (file.data === undefined) continue;
    checker.check(file, findings);
    for (const key of ['informatiemodel', 'pakket'] as const) {
      const gebruikt = (file.data as Record<string, { gebruikt?: unknown } | undefined> | null)?.[key]?.gebruikt;
      if (!Array.isArray(gebruikt)) continue;
      gebruikt.forEach((g, index) => {
        if (typeof g !== 'string') return;
        const target = posix.normalize(g.startsWith('/') ? g : posix.join(posix.dirname(path), g));
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
          gebruiktDoor.set(target, { file, index, key });
        }
      });
    }
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const model = resolveInformatiemodel(folder, files, findings);
  return { model: findings.hasErrors ? undefined : model, findings: findings.sorted(), files };
}
