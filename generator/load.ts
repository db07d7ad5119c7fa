/** Loading a model folder: the informatiemodel with its checks, then the uitwisselmodel derivation and the API section. */
import { posix } from 'node:path';
import { loadApi } from './api/load.ts';
import { deriveUitwisselmodel, type DeriveOptions } from './derive/derive.ts';
import type { Uitwisselmodel } from './derive/types.ts';
import { compareFindings, type Finding } from './diagnostics/findings.ts';
import { DERIVATION_FILE, loadInformatiemodel } from './model/load.ts';
import type { Informatiemodel } from './model/types.ts';
import type { SourceReader } from './model/yaml-source.ts';

export interface LoadedModel {
  informatiemodel?: Informatiemodel;
  uitwisselmodel?: Uitwisselmodel;
  findings: Finding[];
}

/** What loading takes from mimgen.config.yaml (see DeriveOptions). */
export type LoadOptions = DeriveOptions;

/** Loads a model folder with its derivation and its API section (api.yaml, optional); findings of all, sorted. */
export function loadModel(folder: string, reader: SourceReader, options: LoadOptions = {}): LoadedModel {
  const loaded = loadInformatiemodel(folder, reader);
  const findings = [...loaded.findings];
  let uitwisselmodel: Uitwisselmodel | undefined;
  const derivationPath = posix.join(posix.normalize(folder.replaceAll('\\', '/')), DERIVATION_FILE);
  const bytes = reader.read(derivationPath);
  if (bytes !== undefined && loaded.model) {
    const derived = deriveUitwisselmodel(derivationPath, bytes, loaded.model, options);
    findings.push(...derived.findings.all);
    uitwisselmodel = derived.uitwisselmodel;
  }
  const api = loadApi(folder, reader);
  if (api) {
    findings.push(...api.findings);
    if (uitwisselmodel && api.api) uitwisselmodel = { ...uitwisselmodel, api: api.api };
  }
  return { informatiemodel: loaded.model, uitwisselmodel, findings: findings.sort(compareFindings) };
}
