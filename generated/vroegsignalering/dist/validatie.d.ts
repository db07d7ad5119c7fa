/**
 * Validation as every generated package does it: the precompiled schema validator first, then the checks
 * JSON Schema cannot express; schema errors told in the model's terms. What differs per model (the tables
 * of fields, objects and rules) is passed in by validate.ts.
 */
import { type Fout, type Regels } from './controles.js';
import type { SchemaFout } from './schema-validator.js';
/** The result of validate(): valid, or every error with its JSON pointer and a message in the model's terms. */
export interface Validatieresultaat {
    valid: boolean;
    errors: Fout[];
}
type SchemaValidator = ((data: unknown) => boolean) & {
    errors?: SchemaFout[] | null;
};
export declare function maakValidate(schemaValidate: SchemaValidator, regels: Regels, melding: (e: SchemaFout) => Fout): (value: unknown) => Validatieresultaat;
/**
 * Tells a schema error in the model's terms. `velden` says what each field is in the informatiemodel,
 * `objecten` the type of each object, both by place in the message (JSON pointer, `*` for list items).
 */
export declare function maakMelding(velden: Readonly<Record<string, string>>, objecten: Readonly<Record<string, string>>): (e: SchemaFout) => Fout;
export {};
