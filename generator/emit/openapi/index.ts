/**
 * The OpenAPI emitter: openapi.json, the exchange API of a model in OpenAPI 3.1, from the model's API section
 * (model/<name>/api.yaml and the shared files it uses) and the uitwisselmodel. A pure function of the model:
 * the document is built as an object in a fixed key order and written as JSON like every generated JSON file.
 *
 * The schema of the message (the API section's `bericht: compat`) is the compat schema of
 * uitwisselmodel.schema.json, made by the same function in the same run, embedded rather than referred to:
 * a single file works in every OpenAPI tool (viewers, code generators, validators) without resolving files
 * or fetching URLs, and the compat schema is what the published schema accepts. Embedded, it loses its
 * `$schema` (the document's dialect is OpenAPI's 2020-12 one) and its `$id` (which would make it a resource
 * of its own), and its `$ref`s are made absolute within the document (`#/$defs/x` becomes
 * `#/components/schemas/Uitwisselmodel/$defs/x`), so that tools that resolve JSON pointers from the root of
 * the document find them too.
 */
import type {
  ApiBeschrijving,
  ApiHeader,
  ApiInhoud,
  ApiOperatie,
  ApiSchema,
  ApiVeld,
  Waarde,
} from '../../api/types.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import { berichtSchema } from '../json-schema/index.ts';
import { jsonText } from '../../common/text.ts';

type Obj = Record<string, unknown>;

export const OPENAPI = 'openapi.json';

/** The OpenAPI version the document declares. */
export const OPENAPI_VERSIE = '3.1.0';

/** openapi.json for a model with an API section; nothing for one without. */
export function emitOpenApi(um: Uitwisselmodel): Map<string, string> {
  if (!um.api) return new Map();
  return new Map([[OPENAPI, jsonText(openApiDocument(um, um.api))]]);
}

/** The OpenAPI document, as an object. */
export function openApiDocument(um: Uitwisselmodel, api: ApiBeschrijving): Obj {
  const b = api.beveiliging;
  return definiet({
    openapi: OPENAPI_VERSIE,
    info: definiet({
      title: api.titel,
      description: tekst(api.beschrijving),
      version: api.versie,
      contact: api.contact && definiet({ name: api.contact.naam, url: api.contact.url, email: api.contact.email }),
    }),
    servers:
      api.servers.length > 0
        ? api.servers.map((s) => definiet({ url: s.url, description: tekst(s.beschrijving) }))
        : undefined,
    security: b && b.vereist.length > 0 ? [{ [b.naam]: b.vereist }] : undefined,
    components: definiet({
      securitySchemes: b && {
        [b.naam]: {
          type: 'oauth2',
          flows: {
            clientCredentials: {
              tokenUrl: b.tokenUrl,
              scopes: Object.fromEntries(b.scopes.map((s) => [s.naam, tekst(s.beschrijving) ?? ''])),
            },
          },
        },
      },
      headers: api.headers.length > 0 ? Object.fromEntries(api.headers.map((h) => [h.naam, header(h)])) : undefined,
      schemas: api.schemas.length > 0 ? Object.fromEntries(api.schemas.map((s) => [s.naam, schema(um, s)])) : undefined,
    }),
    paths: paths(api, b?.naam),
  });
}

/** The paths, each with its operations, in the order of the API section. */
function paths(api: ApiBeschrijving, schemeNaam: string | undefined): Obj {
  const result: Record<string, Obj> = {};
  for (const op of api.operaties) (result[op.pad] ??= {})[op.methode] = operatie(op, schemeNaam);
  return result;
}

function operatie(op: ApiOperatie, schemeNaam: string | undefined): Obj {
  return definiet({
    summary: tekst(op.samenvatting),
    operationId: op.id,
    description: tekst(op.beschrijving),
    security: op.scopes !== undefined && schemeNaam !== undefined ? [{ [schemeNaam]: op.scopes }] : undefined,
    requestBody:
      op.verzoek &&
      definiet({
        description: tekst(op.verzoek.beschrijving),
        required: op.verzoek.verplicht || undefined,
        content: op.verzoek.inhoud && content(op.verzoek.inhoud),
      }),
    responses: Object.fromEntries(
      op.antwoorden.map((a) => [
        a.status,
        definiet({
          description: tekst(a.beschrijving) ?? '',
          headers: a.headers.length > 0 ? Object.fromEntries(a.headers.map((h) => [h.naam, header(h)])) : undefined,
          content: a.inhoud && content(a.inhoud),
        }),
      ]),
    ),
  });
}

function content(inhoud: ApiInhoud): Obj {
  const schema =
    inhoud.component !== undefined
      ? ref(inhoud.component)
      : objectSchema(undefined, inhoud.velden ?? [], inhoud.gesloten);
  return { [inhoud.mediatype]: { schema } };
}

/** A header written out, or a reference to a reusable one. */
function header(h: ApiHeader): Obj {
  if (h.component !== undefined) return { $ref: `#/components/headers/${h.component}` };
  return definiet({
    description: tekst(h.beschrijving),
    required: h.verplicht,
    schema: h.schema ? waarde(h.schema) : undefined,
    example: h.voorbeeld,
  });
}

function schema(um: Uitwisselmodel, s: ApiSchema): Obj {
  if (s.bericht === 'compat') return berichtComponent(um, s.naam);
  return objectSchema(s.beschrijving, s.velden, s.gesloten);
}

function objectSchema(beschrijving: string | undefined, velden: ApiVeld[], gesloten: boolean): Obj {
  const required = velden.filter((v) => v.verplicht).map((v) => v.naam);
  return definiet({
    type: 'object',
    description: tekst(beschrijving),
    required: required.length > 0 ? required : undefined,
    properties: Object.fromEntries(velden.map((v) => [v.naam, veld(v)])),
    additionalProperties: gesloten ? false : undefined,
  });
}

/** A property: a value, a reference, or (a reference with a description of its own) allOf with the reference. */
function veld(v: ApiVeld): Obj {
  if (v.component === undefined) return waarde(v);
  const beschrijving = tekst(v.beschrijving);
  if (beschrijving === undefined) return ref(v.component);
  return { allOf: [ref(v.component)], description: beschrijving };
}

/** A value's JSON Schema, its keywords in a fixed order. */
function waarde(w: Waarde): Obj {
  return definiet({
    type: w.type,
    format: w.format,
    pattern: w.pattern,
    minimum: w.minimum,
    maximum: w.maximum,
    minLength: w.minLength,
    maxLength: w.maxLength,
    enum: w.enum,
    description: tekst(w.beschrijving),
    example: w.voorbeeld,
  });
}

function ref(component: string): Obj {
  return { $ref: `#/components/schemas/${component}` };
}

/** The compat schema of the message as a component of this document (see the module's comment). */
export function berichtComponent(um: Uitwisselmodel, naam: string): Obj {
  const { $schema: _dialect, $id: _id, ...rest } = berichtSchema(um, 'compat', []);
  return herbaseer(rest, `#/components/schemas/${naam}`) as Obj;
}

/** The keywords of JSON Schema 2020-12 whose value is a schema, a list of schemas, or schemas by name. */
const SCHEMA = new Set([
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const SCHEMAS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const PER_NAAM = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/**
 * A schema with every `$ref` to a place within it (`#...`) made relative to `basis` instead. It walks the
 * schema by its keywords, so that a property named `$ref` or `enum` or a `$ref` inside an example is left as
 * it is.
 */
function herbaseer(schema: unknown, basis: string): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const result: Obj = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#')) result[k] = `${basis}${v.slice(1)}`;
    else if (SCHEMA.has(k)) result[k] = herbaseer(v, basis);
    else if (SCHEMAS.has(k) && Array.isArray(v)) result[k] = v.map((x) => herbaseer(x, basis));
    else if (PER_NAAM.has(k) && v !== null && typeof v === 'object')
      result[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, herbaseer(x, basis)]));
    else result[k] = v;
  }
  return result;
}

/** Text as it goes into the document: without the line break a YAML block ends with. */
function tekst(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === '' ? undefined : t;
}

/** The object without its undefined members. */
function definiet(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
