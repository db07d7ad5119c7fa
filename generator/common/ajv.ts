/**
 * Ajv as the tool uses it: JSON Schema 2020-12 with the formats of ajv-formats, and Ajv's standalone code
 * for the generated packages. Both Ajv modules are CommonJS; under ESM their functions arrive as the
 * default export's default, which is unwrapped here once.
 */
import AjvModule from 'ajv';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

export const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;

/** Ajv 2020 with ajv-formats; `strict: false` because model and message schemas carry descriptive keywords. */
export function ajvMetFormats(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

const standaloneCode = (standaloneCodeModule as unknown as { default: (ajv: Ajv2020, refs?: unknown) => string })
  .default;

const AjvDraft7 = (AjvModule as unknown as { default: typeof Ajv2020 }).default;

/**
 * Keywords that mean the same in JSON Schema draft-07 and 2020-12 (`items` only with one schema, checked
 * apart), with the annotations. A schema of these alone validates the same with Ajv's draft-07 class,
 * which writes leaner code than its 2020 class: no bookkeeping of evaluated properties and items, which
 * only unevaluatedProperties and unevaluatedItems need.
 */
const GEDEELD = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'format',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  '$ref',
  '$defs',
  'title',
  'description',
  '$comment',
  'default',
  'examples',
]);

/** True when the schema (with its subschemas) uses only keywords that draft-07 and 2020-12 read alike. */
export function draft7Gelijk(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return false;
  for (const [k, v] of Object.entries(schema)) {
    if (!GEDEELD.has(k)) return false;
    if (k === 'items' && Array.isArray(v)) return false;
    if (k === '$ref' && (typeof v !== 'string' || !v.startsWith('#/'))) return false;
    if (!deelschemas(k, v).every(draft7Gelijk)) return false;
  }
  return true;
}

/** The subschemas a keyword holds. */
function deelschemas(keyword: string, waarde: unknown): unknown[] {
  switch (keyword) {
    case 'properties':
    case '$defs':
      return Object.values(waarde as object);
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return waarde as unknown[];
    case 'items':
    case 'not':
      return [waarde];
    case 'additionalProperties':
      return typeof waarde === 'object' ? [waarde] : [];
    default:
      return [];
  }
}

/**
 * An Ajv that writes standalone ES module code for these schemas, every error reported: draft-07's class
 * where every schema reads the same under it, else 2020-12's.
 */
export function standaloneAjv(schemas: readonly unknown[] = []): Ajv2020 {
  // No message texts: the package tells every error in the model's terms (validatie.ts), from keyword and params.
  // One statement a line, so that a change of the model shows in a diff as the lines it changes.
  const options: Options = {
    strict: false,
    code: { source: true, esm: true, optimize: true, lines: true },
    allErrors: true,
    messages: false,
  };
  if (schemas.length > 0 && schemas.every(draft7Gelijk)) {
    const ajv = new AjvDraft7(options);
    addFormats(ajv);
    return ajv;
  }
  return ajvMetFormats(options);
}

/**
 * Ajv's standalone code as the body of an ES module. Ajv writes `require` for its runtime helpers and
 * formats even in ES module output; the `createRequire` lines before it (see ESM_REQUIRE) make that work.
 */
export function standaloneBody(ajv: Ajv2020, refs: unknown): string {
  return standaloneCode(ajv, refs).replace(/^"use strict";\n?/, '');
}

export const ESM_REQUIRE =
  "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
