/**
 * Validation as every generated package does it: the precompiled schema validators first, then the checks
 * JSON Schema cannot express; schema errors told in the model's terms. What differs per model (the tables
 * of fields, objects and rules, the validators) is passed in by validate.ts.
 */
import { type Fout, type Regels } from './controles.js';
import type { SchemaFout } from './schema-validator.js';
import type { EenheidValidator, StreamPlan } from './stream.js';
/** The result of validate(): valid, or every error with its JSON pointer and a message in the model's terms. */
export interface Validatieresultaat {
    valid: boolean;
    errors: Fout[];
}
export type SchemaValidator = ((data: unknown) => boolean) & {
    errors?: SchemaFout[] | null;
};
export declare function maakValidate(schemaValidate: SchemaValidator, regels: Regels, melding: (e: SchemaFout) => Fout): (value: unknown) => Validatieresultaat;
/**
 * The compat schema's validator for a message in memory, made of the validators of the streaming plan's
 * units: the envelope, each Levering and each record validated by its own precompiled validator, and the
 * streamed lists' minItems, maxItems and uniqueItems checked here, as the streaming validator does. One set
 * of validators for both, so that validate() and validateStream() cannot disagree; errors as Ajv's, with
 * the pointer from the message's root.
 */
export declare function eenhedenValidator(plan: StreamPlan, validators: Readonly<Record<string, EenheidValidator>>): SchemaValidator;
/**
 * Tells a schema error in the model's terms. `velden` says what each field is in the informatiemodel,
 * `objecten` the type of each object, both by place in the message (JSON pointer, `*` for list items).
 */
export declare function maakMelding(velden: Readonly<Record<string, string>>, objecten: Readonly<Record<string, string>>): (e: SchemaFout) => Fout;
