import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ajvMetFormats, standaloneBody } from '../common/ajv.ts';
import { pointerToPath } from '../common/json-pointer.ts';
import { toolFile, toolModule } from '../common/tool-files.ts';
import type { Findings } from '../diagnostics/findings.ts';
import { bedoeldU } from './suggest.ts';
import type { YamlFile } from './yaml-source.ts';

type JsonSchema = { properties?: Record<string, unknown>; $defs?: Record<string, JsonSchema>; [k: string]: unknown };

/** mimgen's own file formats, each with its schema in schema/<naam>.schema.json. */
export const FORMATEN = ['informatiemodel', 'uitwisselmodel', 'api', 'mimgen.config'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** Every error, with the schema that failed: the messages name the element and the keys it allows. */
const OPTIES = { allErrors: true, verbose: true } as const;

/** Where `npm run build` puts each format's validator, compiled ahead (scripts/format-validators.mjs). */
export const voorafPad = (formaat: Formaat): string => `dist/format-validators/${formaat}.cjs`;

const vingerafdruk = (tekst: string): string => createHash('sha256').update(tekst).digest('hex');

/**
 * The checker of one of mimgen's file formats. Its validator is the one `npm run build` compiled when that
 * was compiled from this very schema text: compiling the informatiemodel's schema took 0.26 s of every run.
 * Without it (run from source before a build, or after a change of the schema) it is compiled now.
 */
export function formatChecker(formaat: Formaat, tekst = toolFile(`schema/${formaat}.schema.json`)): FormatChecker {
  const gebouwd = toolModule(voorafPad(formaat)) as (ValidateFunction & { schemaVingerafdruk?: string }) | undefined;
  const schema = JSON.parse(tekst) as JsonSchema;
  return new FormatChecker(schema, gebouwd?.schemaVingerafdruk === vingerafdruk(tekst) ? gebouwd : undefined);
}

/** The CommonJS module of a format's validator, Ajv's standalone code, marked with the schema text it checks. */
export function formatValidatorCode(tekst: string): string {
  const ajv = ajvMetFormats({ ...OPTIES, code: { source: true } });
  const validate = ajv.compile(JSON.parse(tekst) as JsonSchema);
  return `"use strict";\n${standaloneBody(ajv, validate)}\nmodule.exports.schemaVingerafdruk = ${JSON.stringify(vingerafdruk(tekst))};\n`;
}

/**
 * Checks a YAML file against the JSON Schema of its format and turns every violation into a positioned
 * finding: unknown keys (with a suggestion), missing keys, values of the wrong kind.
 */
export class FormatChecker {
  private readonly validate: ValidateFunction;
  /** Whether the validator was compiled ahead, by the build. */
  readonly vooraf: boolean;

  constructor(
    private readonly schema: JsonSchema,
    gebouwd?: ValidateFunction,
  ) {
    this.vooraf = gebouwd !== undefined;
    this.validate = gebouwd ?? ajvMetFormats(OPTIES).compile(schema);
  }

  check(file: YamlFile, findings: Findings): boolean {
    if (this.validate(file.data)) return true;
    for (const error of relevant(this.validate.errors ?? [])) this.report(file, error, findings);
    return false;
  }

  private report(file: YamlFile, error: ErrorObject, findings: Findings): void {
    const path = pointerToPath(error.instancePath);
    const what = this.elementKind(error.parentSchema);
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const known = Object.keys((error.parentSchema as JsonSchema | undefined)?.properties ?? {});
        findings.error(
          file.position([...path, key], true),
          'unknown-key',
          `unknown key "${key}" in ${what}${suggest(key, known)}`,
        );
        return;
      }
      case 'required':
        findings.error(
          file.position(path, true),
          'missing-key',
          `${what} lacks the required key "${String(error.params.missingProperty)}"; add it`,
        );
        return;
      case 'type':
        findings.error(
          file.position(path),
          'invalid-value',
          `${describe(path)} must be ${article(String(error.params.type))}, not ${kindOf(valueAt(file.data, path))}`,
        );
        return;
      case 'enum':
        findings.error(
          file.position(path),
          'invalid-value',
          `${describe(path)} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        );
        return;
      case 'minLength':
      case 'minItems': {
        const limit = Number(error.params.limit);
        const what = error.keyword === 'minLength' ? 'character' : 'item';
        const problem = limit === 1 ? 'must not be empty' : `must have at least ${limit} ${what}s`;
        findings.error(file.position(path), 'invalid-value', `${describe(path)} ${problem}`);
        return;
      }
      case 'pattern':
        findings.error(
          file.position(path),
          'invalid-value',
          `${describe(path)} is ${shown(valueAt(file.data, path))}, which does not match ${String(error.params.pattern)}${hint(error.parentSchema)}`,
        );
        return;
      case 'format':
        findings.error(
          file.position(path),
          'invalid-value',
          `${describe(path)} is ${shown(valueAt(file.data, path))}, which is not ${FORMATS[String(error.params.format)] ?? `in format ${String(error.params.format)}`}`,
        );
        return;
      default:
        findings.error(file.position(path), 'invalid-value', `${describe(path)} ${error.message ?? 'is not valid'}`);
    }
  }

  /** The $defs name of each of the schema's parts, by its text: see elementKind. */
  private defsByText: Map<string, string> | undefined;

  /**
   * The $defs name of the schema that failed ("objecttype", "attribuutsoort", ...), for messages. A validator
   * compiled ahead has its own copy of the schema, so its parts are known by their text, not by identity (nor by
   * the error's schemaPath, which starts again at every $ref Ajv compiles apart).
   */
  private elementKind(parentSchema: unknown): string {
    if (this.defsByText === undefined) {
      this.defsByText = new Map([[JSON.stringify(this.schema), 'the file']]);
      for (const [name, def] of Object.entries(this.schema.$defs ?? {}))
        if (!this.defsByText.has(JSON.stringify(def))) this.defsByText.set(JSON.stringify(def), name);
    }
    return this.defsByText.get(JSON.stringify(parentSchema)) ?? 'the value';
  }
}

/** Leaves out the noise Ajv produces around `oneOf`, keeping the errors of the branch that fits best. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const result = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  return result.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const FORMATS: Record<string, string> = {
  date: 'a date written as YYYY-MM-DD',
  'date-time': 'a date and time as in 2024-12-31T23:59:00Z',
};

/** The last sentence of a schema's description, which for patterns says in words what is allowed. */
function hint(schema: unknown): string {
  const description = (schema as JsonSchema | undefined)?.description;
  if (typeof description !== 'string') return '';
  return ` (${description.split('. ').pop()!.replace(/\.$/, '').toLowerCase()})`;
}

function suggest(key: string, known: string[]): string {
  if (known.length === 0) return '; remove it';
  return bedoeldU(key, known) || `; allowed keys are ${known.join(', ')}`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node = data;
  for (const p of path) node = (node as Record<string | number, unknown> | null | undefined)?.[p];
  return node;
}

function describe(path: (string | number)[]): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1];
  return typeof last === 'number' ? `item ${last + 1} of "${String(path[path.length - 2])}"` : `"${last}"`;
}

function article(type: string): string {
  const kinds = type.split(',');
  return kinds
    .map((k) =>
      k === 'array' ? 'a list' : k === 'object' ? 'a mapping' : k === 'integer' ? 'a whole number' : `a ${k}`,
    )
    .join(' or ');
}

function shown(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}
