/**
 * The resolved uitwisselmodel: the message as it is delivered, every field knowing the informatiemodel
 * element it comes from. Derived from the informatiemodel by the declarative derivation file.
 */
import type { ApiBeschrijving } from '../api/types.ts';
import type { Position } from '../diagnostics/findings.ts';
import type {
  Attribuutsoort,
  Enumeratie,
  Informatiemodel,
  Objecttype,
  PrimitiefDatatype,
  Relatiesoort,
  TypeVerwijzing,
} from '../model/types.ts';

export interface Uitwisselmodel {
  naam: string;
  versie: string;
  schemaId: string;
  definitie?: string;
  herkomst?: string;
  /** The npm package name of the generated package. */
  pakketnaam: string;
  /** The model folder as the repository names it (`model/<name>`), for the documentation's note on its source. */
  modelmap: string;
  informatiemodel: Informatiemodel;
  /** Datatypes written as $defs, in order, with their names there. */
  datatypeDefs: { datatype: PrimitiefDatatype; defNaam: string; definitie?: string }[];
  /** Enumeraties written as $defs, in order. */
  enumeraties: Enumeratie[];
  bericht: UmObject;
  /** The exchange API whose payload this message is (model/<name>/api.yaml), when the model has one. */
  api?: ApiBeschrijving;
  bron: Position;
}

/** Where a part of the message comes from in the informatiemodel. */
export type Herkomst =
  | { soort: 'attribuutsoort'; attribuutsoort: Attribuutsoort }
  /** `omgekeerd`: the relation is followed from its doel back to its bron (by rolBron). */
  | { soort: 'relatiesoort'; relatiesoort: Relatiesoort; omgekeerd: boolean }
  | { soort: 'objecttype'; objecttype: Objecttype }
  | { soort: 'toegevoegd' };

export interface UmObject {
  /** Name of the object's type: the objecttype's naam, or the envelope's (Uitwisselmodel, Levering). */
  naam: string;
  definitie?: string;
  objecttype?: Objecttype;
  gesloten: boolean;
  velden: UmVeld[];
  /** True for the object that stands for a relation turned into a reference by key. */
  referentie: boolean;
  bron: Position;
}

export interface Lijst {
  minimaal?: number;
  maximaal?: number;
  uniek: boolean;
}

export type UmInhoud =
  | {
      soort: 'waarde';
      type: TypeVerwijzing;
      /** What the published schema uses instead of `type`, where it deviates from the informatiemodel. */
      compat?: { type: TypeVerwijzing; toelichting: string };
      /** Facets the informatiemodel states: the strict schema adds them. */
      lengte?: number;
      formeelPatroon?: string;
    }
  | { soort: 'object'; object: UmObject };

export interface UmVeld {
  /** The wire name, exactly as published. */
  naam: string;
  definitie?: string;
  toelichting?: string;
  verplicht: boolean;
  lijst?: Lijst;
  inhoud: UmInhoud;
  herkomst: Herkomst;
  bron: Position;
}
