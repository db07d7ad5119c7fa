/**
 * Validation as every generated package does it: the precompiled schema validator first, then the checks
 * JSON Schema cannot express; schema errors told in the model's terms. What differs per model (the tables
 * of fields, objects and rules) is passed in by validate.ts.
 */
import { controleer, type Fout, type Regels } from './controles.js';
import type { SchemaFout } from './schema-validator.js';

/** The result of validate(): valid, or every error with its JSON pointer and a message in the model's terms. */
export interface Validatieresultaat {
  valid: boolean;
  errors: Fout[];
}

type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaFout[] | null };

export function maakValidate(schemaValidate: SchemaValidator, regels: Regels, melding: (e: SchemaFout) => Fout): (value: unknown) => Validatieresultaat {
  return (value) => {
    if (!schemaValidate(value)) {
      return { valid: false, errors: (schemaValidate.errors ?? []).map(melding) };
    }
    const errors = controleer(value, regels);
    return { valid: errors.length === 0, errors };
  };
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
export function maakMelding(velden: Readonly<Record<string, string>>, objecten: Readonly<Record<string, string>>): (e: SchemaFout) => Fout {
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
        return { path, element: wat, message: `${wat}: de waarde komt niet voor in de lijst (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` };
      case 'type':
        return { path, element: wat, message: `${wat} moet ${soort(String(p.type))} zijn` };
      case 'format':
        return { path, element: wat, message: `${wat} is geen geldige ${String(p.format)}` };
      case 'minItems':
        return { path, element: wat, message: `${wat} moet minstens ${String(p.limit)} element(en) bevatten` };
      case 'maxItems':
        return { path, element: wat, message: `${wat} mag hoogstens ${String(p.limit)} element(en) bevatten` };
      case 'uniqueItems':
        return { path, element: wat, message: `${wat} bevat twee gelijke elementen (nummer ${Number(p.j) + 1} en ${Number(p.i) + 1})` };
      default:
        return { path, element: wat, message: `${wat}: ${e.message ?? e.keyword}` };
    }
  };
}
