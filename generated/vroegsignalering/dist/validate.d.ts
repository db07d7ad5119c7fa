import type { SchemaFout } from './schema-validator.js';
import { type Fout, type Regels } from './controles.js';
import type { Uitwisselmodel } from './uitwisselmodel.js';
export type { Fout } from './controles.js';
/** The result of validate(): valid, or every error with its JSON pointer and a message in the model's terms. */
export interface Validatieresultaat {
    valid: boolean;
    errors: Fout[];
}
/** The rules generated from the model: keys unique per scope, references by key, date order, conditions. */
export declare const REGELS: Regels;
/**
 * Validates a message. The schema errors come first; when the schema accepts the message, the checks that
 * JSON Schema cannot express run (references by key, unique keys, date order, the model's constraints).
 */
export declare function validate(value: unknown): Validatieresultaat;
/** True when the message is valid: the schema accepts it and every check passes. */
export declare function isUitwisselmodel(value: unknown): value is Uitwisselmodel;
/** A schema error in the model's terms; the streaming validator uses it too. */
export declare function melding(e: SchemaFout): Fout;
