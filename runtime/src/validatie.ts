/**
 * Validation as every generated package does it: the precompiled schema validators first, then the checks
 * JSON Schema cannot express; schema errors told in the model's terms. What differs per model (the tables
 * of fields, objects and rules, the validators) is passed in by validate.ts.
 */
import { controleer, type Fout, type Regels } from './controles.js';
import type { SchemaFout } from './schema-validator.js';
import type { EenheidValidator, StreamPlan } from './stream.js';

/** The result of validate(): valid, or every error with its JSON pointer and a message in the model's terms. */
export interface Validatieresultaat {
  valid: boolean;
  errors: Fout[];
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaFout[] | null };

export function maakValidate(
  schemaValidate: SchemaValidator,
  regels: Regels,
  melding: (e: SchemaFout) => Fout,
): (value: unknown) => Validatieresultaat {
  return (value) => {
    if (!schemaValidate(value)) {
      return { valid: false, errors: (schemaValidate.errors ?? []).map(melding) };
    }
    const errors = controleer(value, regels);
    return { valid: errors.length === 0, errors };
  };
}

/**
 * The compat schema's validator for a message in memory, made of the validators of the streaming plan's
 * units: the envelope, each Levering and each record validated by its own precompiled validator, and the
 * streamed lists' minItems, maxItems and uniqueItems checked here, as the streaming validator does. One set
 * of validators for both, so that validate() and validateStream() cannot disagree; errors as Ajv's, with
 * the pointer from the message's root.
 */
export function eenhedenValidator(
  plan: StreamPlan,
  validators: Readonly<Record<string, EenheidValidator>>,
): SchemaValidator {
  const valideer = (eenheid: number, waarde: unknown, pointer: string, fouten: SchemaFout[]): void => {
    const e = plan.eenheden[eenheid]!;
    const validator = validators[e.validator]!;
    if (!validator(waarde))
      for (const f of validator.errors ?? []) fouten.push({ ...f, instancePath: pointer + f.instancePath });
    for (const lp of e.lijsten) {
      let lijst: unknown = waarde;
      for (const naam of lp.pad) lijst = isObject(lijst) && Object.hasOwn(lijst, naam) ? lijst[naam] : undefined;
      // Absent or not a list: the unit's own validator has said so.
      if (!Array.isArray(lijst)) continue;
      const lijstPointer = pointer + lp.pad.map((naam) => `/${naam.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
      const fout = (keyword: string, params: Record<string, unknown>, message: string): number =>
        fouten.push({ instancePath: lijstPointer, schemaPath: '', keyword, params, message });
      if (lp.minItems !== undefined && lijst.length < lp.minItems)
        fout('minItems', { limit: lp.minItems }, `must NOT have fewer than ${lp.minItems} items`);
      if (lp.maxItems !== undefined && lijst.length > lp.maxItems)
        fout('maxItems', { limit: lp.maxItems }, `must NOT have more than ${lp.maxItems} items`);
      if (lp.uniqueItems) {
        const dubbel = laatsteDubbele(lijst);
        if (dubbel)
          fout(
            'uniqueItems',
            dubbel,
            `must NOT have duplicate items (items ## ${dubbel.j} and ${dubbel.i} are identical)`,
          );
      }
      lijst.forEach((item, i) => valideer(lp.eenheid, item, `${lijstPointer}/${i}`, fouten));
    }
  };
  const validate: SchemaValidator = (data) => {
    const fouten: SchemaFout[] = [];
    valideer(0, data, '', fouten);
    validate.errors = fouten.length > 0 ? fouten : null;
    return fouten.length === 0;
  };
  return validate;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The pair of equal items Ajv's uniqueItems reports: the last item that equals an earlier one, and the
 * nearest earlier one it equals. A short list is compared pair by pair, as Ajv does; a long one in one pass
 * by the items' canonical JSON (keys sorted), which is equal exactly when the values are deeply equal.
 */
function laatsteDubbele(lijst: readonly unknown[]): { i: number; j: number } | undefined {
  if (lijst.length <= 16) {
    for (let i = lijst.length - 1; i > 0; i--)
      for (let j = i - 1; j >= 0; j--) if (gelijk(lijst[i], lijst[j])) return { i, j };
    return undefined;
  }
  const gezien = new Map<string, number>();
  let dubbel: { i: number; j: number } | undefined;
  lijst.forEach((item, i) => {
    const sleutel = canoniek(item);
    const j = gezien.get(sleutel);
    if (j !== undefined) dubbel = { i, j };
    gezien.set(sleutel, i);
  });
  return dubbel;
}

/** Deep equality of JSON values: objects by their keys whatever the order, lists in order. */
function gelijk(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => gelijk(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const sleutels = Object.keys(a);
  return sleutels.length === Object.keys(b).length && sleutels.every((k) => Object.hasOwn(b, k) && gelijk(a[k], b[k]));
}

function canoniek(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canoniek).join(',')}]`;
  if (isObject(x)) {
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canoniek(x[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'undefined';
}

/** A JSON pointer with every list index replaced by `*`, as the tables name places in the message. */
function patroon(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

const SOORTEN: Readonly<Record<string, string>> = {
  string: 'tekst',
  integer: 'een geheel getal',
  number: 'een getal',
  boolean: 'true of false',
  object: 'een object',
  array: 'een lijst',
};

function soort(type: string): string {
  return type
    .split(',')
    .map((t) => SOORTEN[t] ?? t)
    .join(' of ');
}

/**
 * Tells a schema error in the model's terms. `velden` says what each field is in the informatiemodel,
 * `objecten` the type of each object, both by place in the message (JSON pointer, `*` for list items).
 */
export function maakMelding(
  velden: Readonly<Record<string, string>>,
  objecten: Readonly<Record<string, string>>,
): (e: SchemaFout) => Fout {
  return (e) => {
    const path = e.instancePath === '' ? '/' : e.instancePath;
    const pad = patroon(e.instancePath);
    const wat = velden[pad] ?? objecten[pad] ?? (pad === '' ? objecten[''] : pad) ?? pad;
    const object = objecten[pad] ?? wat;
    const p = e.params;
    switch (e.keyword) {
      case 'required':
        return { path, element: object, message: `${object} mist het verplichte veld "${String(p.missingProperty)}"` };
      case 'additionalProperties':
        return { path, element: object, message: `${object} kent geen veld "${String(p.additionalProperty)}"` };
      case 'enum':
        return {
          path,
          element: wat,
          message: `${wat}: de waarde komt niet voor in de lijst (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`,
        };
      case 'type':
        return { path, element: wat, message: `${wat} moet ${soort(String(p.type))} zijn` };
      case 'format':
        return { path, element: wat, message: `${wat} is geen geldige ${String(p.format)}` };
      case 'minItems':
        return { path, element: wat, message: `${wat} moet minstens ${String(p.limit)} element(en) bevatten` };
      case 'maxItems':
        return { path, element: wat, message: `${wat} mag hoogstens ${String(p.limit)} element(en) bevatten` };
      case 'uniqueItems':
        return {
          path,
          element: wat,
          message: `${wat} bevat twee gelijke elementen (nummer ${Number(p.j) + 1} en ${Number(p.i) + 1})`,
        };
      default:
        return { path, element: wat, message: `${wat}: ${e.message ?? e.keyword}` };
    }
  };
}
