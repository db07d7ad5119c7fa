/**
 * The models the conformance tests run over, each with its published counterpart in ../shared/reference/,
 * and the Ajv set-up they share. The reference folder is read in place, never copied into the project.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json, Schema } from './mutations.ts';

// ajv-formats is CommonJS; under ESM its function arrives as the default export's default.
const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const referenceRoot = resolve(repoRoot, '../shared/reference');
export const haveReference = existsSync(referenceRoot);

export interface ConformanceModel {
  /** Folder name under model/ and generated/. */
  name: string;
  /** Published version folder under ../shared/reference/<name>/. */
  version: string;
  examples: string[];
  /**
   * True for a model still being written: its test cases are skipped (with a message) while its generated
   * schema does not exist. A model that is not optional must have its generated schema.
   */
  inProgress: boolean;
}

export const MODELS: readonly ConformanceModel[] = [
  {
    name: 'vroegsignalering',
    version: 'v0.9',
    examples: ['enkelvoudigVoorbeeld.json', 'meervoudigVoorbeeld.json'],
    inProgress: false,
  },
  {
    name: 'schuldhulpverlening',
    version: 'v1.0',
    examples: ['enkelvoudigVoorbeeld.json', 'meervoudigVoorbeeld.json', 'meerdereLeveringenVoorbeeld.json'],
    inProgress: false,
  },
];

export const generatedDir = (m: ConformanceModel): string => join(repoRoot, 'generated', m.name);
export const publishedDir = (m: ConformanceModel): string => join(referenceRoot, m.name, m.version);

/** Why the model's conformance tests are skipped, or undefined when they run. */
export function skipReason(m: ConformanceModel): string | undefined {
  if (!haveReference) return `the reference folder ${referenceRoot} is absent (a clone outside CI)`;
  if (m.inProgress && !existsSync(join(generatedDir(m), 'uitwisselmodel.schema.json'))) {
    return `generated/${m.name}/uitwisselmodel.schema.json does not exist yet (the model is being written)`;
  }
  return undefined;
}

export function readJson<T = Json>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export interface Validator {
  validate: ValidateFunction;
  ajv: Ajv2020;
  schema: Schema;
}

/**
 * One Ajv instance per schema: the compat schema has the same `$id` as the published one, so the two
 * cannot share an instance.
 */
export function compile(schema: Schema, allErrors = false): Validator {
  const ajv = new Ajv2020({ allErrors, strict: false });
  addFormats(ajv);
  return { validate: ajv.compile(schema), ajv, schema };
}

export interface Verdict {
  valid: boolean;
  errors: ErrorObject[];
}

export function verdict(v: Validator, doc: unknown): Verdict {
  const valid = v.validate(doc) as boolean;
  return { valid, errors: valid ? [] : [...(v.validate.errors ?? [])] };
}

export function formatErrors(errors: readonly ErrorObject[]): string {
  if (errors.length === 0) return '(none)';
  return errors
    .map((e) => `${e.instancePath || '(root)'} ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('; ');
}

/** Once per process, so that a skip is explained exactly once in the test output. */
const told = new Set<string>();
export function tellSkip(what: string, reason: string): void {
  const line = `skipping ${what}: ${reason}`;
  if (told.has(line)) return;
  told.add(line);
  console.log(line);
}
