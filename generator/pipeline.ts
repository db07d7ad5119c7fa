/**
 * The pipeline from model folder to generated files: load and check the informatiemodel, derive the
 * uitwisselmodel when the folder has a derivation, run every emitter. Pure apart from the injected
 * SourceReader; writing is the writer's job.
 */
import type { Uitwisselmodel } from './derive/types.ts';
import { emitChangelog, type Vorige } from './emit/changelog/index.ts';
import { emitDocs } from './emit/docs/index.ts';
import { emitInformatiemodelSchema } from './emit/informatiemodel-schema/index.ts';
import type { ModelInvoer } from './emit/invoer.ts';
import { emitJsonSchemas } from './emit/json-schema/index.ts';
import { emitMapping } from './emit/mapping/index.ts';
import { emitOpenApi } from './emit/openapi/index.ts';
import { emitPackage, pakketWerkerVoorbereiden } from './emit/package/index.ts';

// Loading lives in its own module so that commands which only check (lint) do not load the emitters.
export { loadModel, type LoadedModel, type LoadOptions } from './load.ts';
export { invoerVan, modelInvoer, type ModelInvoer } from './emit/invoer.ts';

/** What emitters get besides the model: the previous version, which the changelog compares with. */
export interface EmitContext {
  vorige?: Vorige;
  /** The package's version from model/<name>/release.json (issue 19); the model's version when absent. */
  pakketversie?: string;
  /** The release history, model/<name>/CHANGELOG.md as `mimgen release` writes it. */
  releaseChangelog?: string;
  /**
   * Called by the package emitter with the files it has made on the main thread (the stream validators and
   * the tables) while its worker thread still compiles: a caller can work on them meanwhile (the CLI bundles
   * the validator page's worker from them). The same files are in the emitter's result.
   */
  pakketVooraf?: (files: ReadonlyMap<string, string>) => void;
}

/**
 * One emitter per artefact: a pure function from the resolved models to file contents by relative path. It
 * gets the informatiemodel with the uitwisselmodel when there is one, and writes what it can from that.
 */
export type Emitter = (invoer: ModelInvoer, context: EmitContext) => Map<string, string> | Promise<Map<string, string>>;

/** An emitter of the message's artefacts: it writes nothing for a model without a derivation. */
function metBericht(
  emit: (um: Uitwisselmodel, context: EmitContext) => Map<string, string> | Promise<Map<string, string>>,
): Emitter {
  return ({ uitwisselmodel }, context) => (uitwisselmodel ? emit(uitwisselmodel, context) : new Map());
}

/**
 * The package emitter comes first: it hands the model to its worker thread before this thread does the rest,
 * and the worker's part is the longest. The order changes nothing in the output (see emitModel).
 */
export const EMITTERS: readonly Emitter[] = [
  emitPackage,
  metBericht(emitJsonSchemas),
  // The informatiemodel schema needs the informatiemodel alone; the message schema's $id gives it a neighbour's $id.
  ({ informatiemodel, uitwisselmodel }) =>
    emitInformatiemodelSchema(informatiemodel, { naast: uitwisselmodel?.schemaId }),
  metBericht(emitMapping),
  metBericht(emitOpenApi),
  emitDocs,
  ({ uitwisselmodel }, { vorige, releaseChangelog }) => emitChangelog(uitwisselmodel, vorige, releaseChangelog),
];

/**
 * Starts the worker thread of the package emitter, so that it loads its modules and does the work that
 * does not depend on the model while the main thread loads the model; without this call it starts when
 * first needed.
 */
export function voorbereiden(): void {
  pakketWerkerVoorbereiden();
}

/**
 * Every generated file of one model, by path relative to generated/<model>/. The emitters run together: while
 * one waits for its worker thread, the next one works.
 */
export async function emitModel(
  invoer: ModelInvoer,
  context: EmitContext = {},
  emitters: readonly Emitter[] = EMITTERS,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const maps = await Promise.all(emitters.map((emit) => emit(invoer, context)));
  for (const map of maps) {
    for (const [path, contents] of map) {
      if (files.has(path)) throw new Error(`two emitters write ${path}`);
      files.set(path, contents);
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
