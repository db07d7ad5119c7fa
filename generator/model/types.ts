/**
 * The resolved informatiemodel: every reference points at the element it names, every element knows where
 * it was written. This is the one vocabulary that derive, every emitter, the importers and the diff share.
 */
import type { Position } from '../diagnostics/findings.ts';

export interface Metadata {
  /** Stable identity that survives a rename. */
  id: string;
  naam: string;
  definitie?: string;
  toelichting?: string;
  herkomst?: string;
  herkomstDefinitie?: string;
  datumOpname?: string;
  alias?: string;
  bron: Position;
  /** The informatiemodel or shared pakket the element is written in. */
  pakket: Pakket;
}

export interface Pakket {
  id: string;
  naam: string;
  definitie?: string;
  herkomst?: string;
  /** True for a shared pakket (model/gedeeld/...), false for the informatiemodel itself. */
  extern: boolean;
}

export interface Kardinaliteit {
  min: number;
  /** undefined is unbounded (`*`). */
  max: number | undefined;
  /** As written, normalised: `1`, `0..1`, `1..*`. */
  tekst: string;
}

export type Basis =
  'tekst' | 'geheelGetal' | 'decimaalGetal' | 'boolean' | 'datum' | 'datumTijd' | 'tijd' | 'jaar' | 'uri';

export interface PrimitiefDatatype extends Metadata {
  soort: 'primitiefDatatype';
  basis: Basis;
  formaat?: 'email' | 'uri' | 'date' | 'date-time' | 'time';
  lengteInNaam: boolean;
  lengte?: number;
  minimumWaarde?: number;
  maximumWaarde?: number;
  patroon?: string;
  formeelPatroon?: string;
}

export interface DataElement {
  id?: string;
  naam: string;
  definitie?: string;
  type: TypeVerwijzing;
  kardinaliteit: Kardinaliteit;
}

export interface GestructureerdDatatype extends Metadata {
  soort: 'gestructureerdDatatype';
  dataElementen: DataElement[];
}

export interface Waarde {
  id?: string;
  naam: string;
  code?: string;
  definitie?: string;
  toelichting?: string;
  bron: Position;
}

export interface Enumeratie extends Metadata {
  soort: 'enumeratie';
  waarden: Waarde[];
}

export interface Codelijst extends Metadata {
  soort: 'codelijst';
  locatie?: string;
}

export interface Keuze extends Metadata {
  soort: 'keuze';
  alternatieven: { naam?: string; definitie?: string; type: TypeVerwijzing | Objecttype }[];
}

export type Datatype = PrimitiefDatatype | GestructureerdDatatype | Enumeratie | Codelijst | Keuze;

/** A reference to a datatype, with the length that a name such as AN200 carries. */
export interface TypeVerwijzing {
  datatype: Datatype;
  /** As written in the model: `AN200`, `Datum`. */
  naam: string;
  lengte?: number;
}

export type Authentiek =
  'Authentiek' | 'Basisgegeven' | 'Wettelijk gegeven' | 'Landelijk kerngegeven' | 'Gemeentelijk kerngegeven' | 'Overig';

export interface Attribuutsoort extends Metadata {
  soort: 'attribuutsoort';
  eigenaar: Objecttype | Gegevensgroeptype;
  type: TypeVerwijzing;
  kardinaliteit: Kardinaliteit;
  authentiek?: Authentiek;
  mogelijkGeenWaarde: boolean;
  identificerend: boolean;
  /** The length the model states, or the one the type name carries (AN200). */
  lengte?: number;
  patroon?: string;
  formeelPatroon?: string;
  indicatieMaterieleHistorie: boolean;
  indicatieFormeleHistorie: boolean;
}

export interface Gegevensgroep extends Metadata {
  soort: 'gegevensgroep';
  eigenaar: Objecttype | Gegevensgroeptype;
  type: Gegevensgroeptype;
  kardinaliteit: Kardinaliteit;
  indicatieMaterieleHistorie: boolean;
  indicatieFormeleHistorie: boolean;
}

export interface Relatiesoort extends Metadata {
  soort: 'relatiesoort';
  eigenaar: Objecttype;
  doel: Objecttype;
  rol?: string;
  kardinaliteit: Kardinaliteit;
  rolBron?: string;
  kardinaliteitBron?: Kardinaliteit;
  richting: 'unidirectioneel' | 'bidirectioneel';
  aggregatie: 'geen' | 'compositie' | 'gedeeld';
  authentiek?: Authentiek;
  mogelijkGeenWaarde: boolean;
  indicatieMaterieleHistorie: boolean;
  indicatieFormeleHistorie: boolean;
}

export type Regel =
  | { soort: 'datumvolgorde'; vroegste: Attribuutsoort; laatste: Attribuutsoort }
  | { soort: 'voorwaarde'; als: Attribuutsoort; waarde: string | number | boolean; vereist: Attribuutsoort };

export interface Constraint {
  id: string;
  naam: string;
  specificatie: string;
  regel?: Regel;
  bron: Position;
}

export interface Gegevensgroeptype extends Metadata {
  soort: 'gegevensgroeptype';
  attribuutsoorten: Attribuutsoort[];
  gegevensgroepen: Gegevensgroep[];
  constraints: Constraint[];
}

export interface Objecttype extends Metadata {
  soort: 'objecttype';
  indicatieAbstractObject: boolean;
  /** Generalisaties, direct supertypes only. */
  supertypen: Objecttype[];
  attribuutsoorten: Attribuutsoort[];
  gegevensgroepen: Gegevensgroep[];
  relatiesoorten: Relatiesoort[];
  constraints: Constraint[];
}

export type ModelElement = Objecttype | Gegevensgroeptype | Datatype;

export interface Informatiemodel {
  id: string;
  naam: string;
  versie: string;
  definitie?: string;
  toelichting?: string;
  herkomst?: string;
  basisUri?: string;
  mimVersie?: string;
  /** The model's folder name under model/ (for instance "vroegsignalering"). */
  folder: string;
  bron: Position;
  pakketten: Pakket[];
  /** In a stable order: by file path, then as written. */
  objecttypen: Objecttype[];
  gegevensgroeptypen: Gegevensgroeptype[];
  enumeraties: Enumeratie[];
  codelijsten: Codelijst[];
  primitieveDatatypes: PrimitiefDatatype[];
  gestructureerdeDatatypes: GestructureerdDatatype[];
  keuzes: Keuze[];
}
