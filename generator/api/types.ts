/**
 * The resolved API section of a model (model/<name>/api.yaml laid over the shared files it uses): the exchange
 * API whose payload is the uitwisselmodel, in mimgen's words. The OpenAPI emitter turns it into openapi.json,
 * the documentation emitter into the API page.
 */
import type { Position } from '../diagnostics/findings.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The facets of a value, under JSON Schema's names, with its description and example. */
export interface Waarde {
  type?: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: (string | number | boolean)[];
  beschrijving?: string;
  voorbeeld?: Json;
}

/** A property of an object: a value, or a reference to a schema of the API (component). */
export interface ApiVeld extends Waarde {
  naam: string;
  verplicht: boolean;
  component?: string;
  bron: Position;
}

/** A header: a reusable one (components.headers), or one of a response, written out or a reference (component). */
export interface ApiHeader {
  naam: string;
  component?: string;
  beschrijving?: string;
  verplicht?: boolean;
  voorbeeld?: Json;
  schema?: Waarde;
  bron: Position;
}

/** A reusable schema: an object with fields, or the uitwisselmodel's message. */
export interface ApiSchema {
  naam: string;
  beschrijving?: string;
  /** This schema is the message, in the form of uitwisselmodel.schema.json. */
  bericht?: 'compat';
  gesloten: boolean;
  velden: ApiVeld[];
  bron: Position;
}

/** A request or response body: a media type with a schema of the API or an object written out. */
export interface ApiInhoud {
  mediatype: string;
  component?: string;
  gesloten: boolean;
  velden?: ApiVeld[];
}

export interface ApiAntwoord {
  /** The HTTP status code as OpenAPI writes it: "200", "4XX", "default". */
  status: string;
  beschrijving: string;
  headers: ApiHeader[];
  inhoud?: ApiInhoud;
  bron: Position;
}

export interface ApiVerzoek {
  verplicht: boolean;
  beschrijving?: string;
  inhoud?: ApiInhoud;
}

export type Methode = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export interface ApiOperatie {
  /** The operationId. */
  id: string;
  pad: string;
  methode: Methode;
  samenvatting?: string;
  beschrijving?: string;
  /** The scopes the operation requires; undefined when it states none of its own. */
  scopes?: string[];
  verzoek?: ApiVerzoek;
  antwoorden: ApiAntwoord[];
  bron: Position;
}

/** OAuth 2.0 with the client credentials grant. */
export interface Beveiliging {
  naam: string;
  tokenUrl: string;
  scopes: { naam: string; beschrijving?: string }[];
  /** The scopes every operation requires (the API-wide security). */
  vereist: string[];
}

/** How responses are signed, for the documentation. */
export interface Ondertekening {
  digestHeader?: string;
  handtekeningHeader?: string;
  algoritme?: string;
  beschrijving?: string;
  herkomst?: string;
}

export interface ApiBeschrijving {
  id: string;
  titel: string;
  beschrijving?: string;
  versie: string;
  herkomst?: string;
  contact?: { naam?: string; url?: string; email?: string };
  servers: { url: string; beschrijving?: string }[];
  beveiliging?: Beveiliging;
  ondertekening?: Ondertekening;
  headers: ApiHeader[];
  schemas: ApiSchema[];
  operaties: ApiOperatie[];
  bron: Position;
}
