/**
 * What the emitters take: the informatiemodel, always, and its uitwisselmodel when the model folder has a
 * derivation (uitwisselmodel.yaml). An emitter that needs the message writes nothing without one; the
 * documentation, the informatiemodel's types and informatiemodel.schema.json need the informatiemodel alone.
 */
import type { Uitwisselmodel } from '../derive/types.ts';
import type { Informatiemodel } from '../model/types.ts';

export interface ModelInvoer {
  informatiemodel: Informatiemodel;
  /** Always present as a key, so that an Uitwisselmodel (which has the other three) is no ModelInvoer by accident. */
  uitwisselmodel: Uitwisselmodel | undefined;
  /** The npm package's name: the uitwisselmodel's, else the config's for the folder, else `<scope>/<folder>`. */
  pakketnaam: string;
  /** The model's folder as the documentation names it (`model/<folder>`). */
  modelmap: string;
}

/** The input of a model with a derivation: everything comes from its uitwisselmodel. */
export function invoerVan(um: Uitwisselmodel): ModelInvoer {
  return { informatiemodel: um.informatiemodel, uitwisselmodel: um, pakketnaam: um.pakketnaam, modelmap: um.modelmap };
}

/**
 * The input of a loaded model folder: with its uitwisselmodel when it has one; without, the package name and
 * folder as the derivation would have named them (the config's package name and scope, else @ddas/<folder>).
 */
export function modelInvoer(
  informatiemodel: Informatiemodel,
  uitwisselmodel: Uitwisselmodel | undefined,
  opties: { pakketnaam?: string; scope?: string; modelmap?: string } = {},
): ModelInvoer {
  if (uitwisselmodel) return invoerVan(uitwisselmodel);
  return {
    informatiemodel,
    uitwisselmodel: undefined,
    pakketnaam: opties.pakketnaam ?? `${opties.scope ?? '@ddas'}/${informatiemodel.folder.split('/').pop()}`,
    modelmap: opties.modelmap ?? `model/${informatiemodel.folder}`,
  };
}
