/**
 * JSON Schema files read for the diff: parsed with positions, so that a file that is not valid JSON (one
 * DDAS version was published with a trailing comma) is reported with its line and column, and checked to be
 * a JSON Schema at all.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import jsonc from 'jsonc-parser';
import { DiffInputError, isObject, type Json } from './types.ts';

export interface Position {
  file: string;
  line: number;
  column: number;
}

function positie(file: string, text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { file, line, column: offset - start + 1 };
}

const FOUTEN: Record<number, string> = {
  1: 'unexpected character',
  2: 'invalid number',
  3: 'expected a property name in double quotes',
  4: 'expected a value',
  5: "expected ':' after the property name",
  6: "expected ',' or a closing bracket",
  7: "expected '}'",
  8: "expected ']'",
  9: 'unexpected text after the JSON value',
  10: 'comments are not allowed in JSON',
  11: 'unterminated comment',
  12: 'unterminated string',
  13: 'unterminated number',
  14: 'invalid unicode escape',
  15: 'invalid escape character in string',
  16: 'invalid character in string (control characters must be escaped)',
};

/** Text from bytes: UTF-8 only, a byte order mark dropped. */
export function decodeJsonText(file: string, bytes: Uint8Array): string {
  if (bytes.indexOf(0) >= 0)
    throw new DiffInputError('the file holds binary data (a NUL byte); a JSON Schema is text', {
      file,
      line: 1,
      column: 1,
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DiffInputError('the file is not valid UTF-8; a JSON Schema is UTF-8 text', { file, line: 1, column: 1 });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface GelezenJson {
  value: Json;
  text: string;
  /** Problems that do not stop the diff (a key written twice), with their position. */
  waarschuwingen: { at: Position; message: string }[];
}

/** Parses JSON, or throws DiffInputError at the line and column of the first syntax error. */
export function parseJson(file: string, text: string): GelezenJson {
  if (text.trim() === '')
    throw new DiffInputError('the file is empty; expected a JSON Schema', { file, line: 1, column: 1 });
  const errors: jsonc.ParseError[] = [];
  const waarschuwingen: GelezenJson['waarschuwingen'] = [];
  const keys: Set<string>[] = [];
  jsonc.visit(
    text,
    {
      onObjectBegin: () => void keys.push(new Set()),
      onObjectEnd: () => void keys.pop(),
      onObjectProperty: (naam, offset) => {
        const set = keys[keys.length - 1];
        if (set?.has(naam))
          waarschuwingen.push({
            at: positie(file, text, offset),
            message: `the key "${naam}" appears twice in this object; the last one counts`,
          });
        set?.add(naam);
      },
      onError: (error, offset, length) => void errors.push({ error, offset, length }),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  const first = errors[0];
  if (first) {
    // A comma followed by a closing bracket: say so, at the comma.
    let i = first.offset - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    const sluit = text[first.offset];
    if (i >= 0 && text[i] === ',' && (sluit === '}' || sluit === ']')) {
      throw new DiffInputError(
        `trailing comma before '${sluit}': JSON does not allow a comma after the last ${sluit === '}' ? 'property' : 'item'}; remove it`,
        positie(file, text, i),
      );
    }
    throw new DiffInputError(
      `invalid JSON: ${FOUTEN[first.error] ?? 'syntax error'}`,
      positie(file, text, first.offset),
    );
  }
  // JSON.parse builds the value: it keeps a key such as "__proto__" as an ordinary key.
  try {
    return { value: JSON.parse(text) as Json, text, waarschuwingen };
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    throw new DiffInputError(
      `invalid JSON: ${String((e as Error).message)}`,
      m ? positie(file, text, Number(m[1])) : { file, line: 1, column: 1 },
    );
  }
}

const SLEUTELWOORDEN = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'definitions',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
  'multipleOf',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minProperties',
  'maxProperties',
]);

const DIALECTEN_2020 = new Set([
  'https://json-schema.org/draft/2020-12/schema',
  'https://json-schema.org/draft/2020-12/schema#',
]);

let metaAjv: Ajv2020 | undefined;

/**
 * Checks that a parsed JSON value is a JSON Schema: a boolean or an object with at least one schema keyword
 * (a delivery is valid JSON and, formally, a schema too, but has none), valid against the 2020-12
 * meta-schema when it claims that dialect. Returns warnings for what the diff handles approximately.
 */
export function checkSchema(file: string, gelezen: GelezenJson): string[] {
  const { value, text } = gelezen;
  if (typeof value === 'boolean') return [];
  if (!isObject(value)) {
    throw new DiffInputError(
      `not a JSON Schema: the file holds ${Array.isArray(value) ? 'a list' : `a ${value === null ? 'null' : typeof value}`}, a schema is an object`,
      { file, line: 1, column: 1 },
    );
  }
  if (!Object.keys(value).some((k) => SLEUTELWOORDEN.has(k))) {
    throw new DiffInputError(
      'not a JSON Schema: the object has none of the JSON Schema keywords ($schema, type, properties, ...); is it a document rather than its schema?',
      { file, line: 1, column: 1 },
    );
  }
  const dialect = value.$schema;
  if (dialect !== undefined && (typeof dialect !== 'string' || !DIALECTEN_2020.has(dialect))) {
    return [`${file}: $schema is ${JSON.stringify(dialect)}; compared as JSON Schema 2020-12`];
  }
  metaAjv ??= new Ajv2020({ strict: false, validateFormats: false });
  if (!metaAjv.validateSchema(value)) {
    const e = metaAjv.errors?.[0];
    const tree = jsonc.parseTree(text);
    const node = tree ? jsonc.findNodeAtLocation(tree, locatie(value, e?.instancePath ?? '')) : undefined;
    const at = node ? positie(file, text, node.offset) : { file, line: 1, column: 1 };
    throw new DiffInputError(
      `not a valid JSON Schema 2020-12: ${e?.instancePath || '(root)'} ${e?.message ?? 'is invalid'}`,
      at,
    );
  }
  return [];
}

/** A JSON pointer as a path of keys and list indexes (a pointer does not say which is which; the value does). */
function locatie(value: Json, instancePath: string): (string | number)[] {
  const pad: (string | number)[] = [];
  let at: Json | undefined = value;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) {
      pad.push(Number(seg));
      at = at[Number(seg)];
    } else {
      pad.push(seg);
      at = isObject(at) ? at[seg] : undefined;
    }
  }
  return pad;
}
