import type { Regels } from './controles.js';
import { type Validatieresultaat } from './validatie.js';
import type { Uitwisselmodel } from './uitwisselmodel.js';
export type { Fout } from './controles.js';
export type { Validatieresultaat } from './validatie.js';
/** The rules generated from the model: keys unique per scope, references by key, date order, conditions. */
export declare const REGELS: Regels;
/** A schema error in the model's terms; the streaming validator uses it too. */
export declare const melding: (e: import("./schema-validator.js").SchemaFout) => import("./controles.js").Fout;
/**
 * Validates a message. The schema errors come first; when the schema accepts the message, the checks that
 * JSON Schema cannot express run (references by key, unique keys, date order, the model's constraints).
 */
export declare const validate: (value: unknown) => Validatieresultaat;
/** True when the message is valid: the schema accepts it and every check passes. */
export declare function isUitwisselmodel(value: unknown): value is Uitwisselmodel;
