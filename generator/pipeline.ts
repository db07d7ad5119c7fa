/**
 * The pipeline from model folder to generated files: load and check the informatiemodel, derive the
 * uitwisselmodel, run every emitter. Pure apart from the injected SourceReader; writing is the writer's job.
 */
import { posix } from 'node:path';
import { deriveUitwisselmodel } from './derive/derive.ts';
import type { Uitwisselmodel } from './derive/types.ts';
import { emitDocs } from './emit/docs/index.ts';
import { emitJsonSchemas } from './emit/json-schema/index.ts';
import { emitMapping } from './emit/mapping/index.ts';
import { emitPackage } from './emit/package/index.ts';
import { compareFindings, type Finding } from './model/findings.ts';
import { DERIVATION_FILE, loadInformatiemodel } from './model/load.ts';
import type { Informatiemodel } from './model/types.ts';
import type { SourceReader } from './model/yaml-source.ts';

export interface LoadedModel {
  informatiemodel?: Informatiemodel;
  uitwisselmodel?: Uitwisselmodel;
  findings: Finding[];
}

/** Loads a model folder with its derivation; findings of both, sorted. */
export function loadModel(folder: string, reader: SourceReader): LoadedModel {
  const loaded = loadInformatiemodel(folder, reader);
  const findings = [...loaded.findings];
  let uitwisselmodel: Uitwisselmodel | undefined;
  const derivationPath = posix.join(posix.normalize(folder.replaceAll('\\', '/')), DERIVATION_FILE);
  const bytes = reader.read(derivationPath);
  if (bytes !== undefined && loaded.model) {
    const derived = deriveUitwisselmodel(derivationPath, bytes, loaded.model);
    findings.push(...derived.findings.all);
    uitwisselmodel = derived.uitwisselmodel;
  }
  return { informatiemodel: loaded.model, uitwisselmodel, findings: findings.sort(compareFindings) };
}

/** One emitter per artefact: a pure function from the resolved models to file contents by relative path. */
export type Emitter = (um: Uitwisselmodel) => Map<string, string> | Promise<Map<string, string>>;

export const EMITTERS: readonly Emitter[] = [emitJsonSchemas, emitMapping, emitPackage, emitDocs];

/** Every generated file of one model, by path relative to generated/<model>/. */
export async function emitModel(um: Uitwisselmodel, emitters: readonly Emitter[] = EMITTERS): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const emit of emitters) {
    for (const [path, contents] of await emit(um)) {
      if (files.has(path)) throw new Error(`two emitters write ${path}`);
      files.set(path, contents);
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
