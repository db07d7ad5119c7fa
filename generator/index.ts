/**
 * mimgen's programmatic API (the package's main export): load a model folder with its checks and
 * derivation, run the emitters, read the configuration. The command line (bin/mimgen.js) is built on it.
 */
export {
  emitModel,
  EMITTERS,
  invoerVan,
  loadModel,
  modelInvoer,
  voorbereiden,
  type Emitter,
  type ModelInvoer,
  type LoadedModel,
  type LoadOptions,
} from './pipeline.ts';
export { CONFIG_FILE, ConfigError, DEFAULT_CONFIG, loadConfig, type Config } from './cli/config.ts';
export { discoverModels, fileSystemReader } from './cli/fs-reader.ts';
export {
  compareFindings,
  formatFinding,
  UnreadableInput,
  type Finding,
  type Position,
  type Severity,
} from './diagnostics/findings.ts';
export type { SourceReader } from './model/yaml-source.ts';
export type { Informatiemodel } from './model/types.ts';
export type { Uitwisselmodel } from './derive/types.ts';
