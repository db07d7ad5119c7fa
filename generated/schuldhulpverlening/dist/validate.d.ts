import { type EenheidValidator, type Fout, type SchemaFout, type Validatieresultaat } from '@mimgen/runtime';
import type { Uitwisselmodel } from './uitwisselmodel.js';
export type { Fout, Validatieresultaat } from '@mimgen/runtime';
export { REGELS } from './tabellen.js';
/** The precompiled validator of each unit of the streaming plan, by name. */
export declare const VALIDATORS: Readonly<Record<string, EenheidValidator>>;
/** A schema error in the model's terms; the streaming validator uses it too. */
export declare const melding: (fout: SchemaFout) => Fout;
/**
 * Validates a message. The schema errors come first; when the schema accepts the message, the checks that
 * JSON Schema cannot express run (references by key, unique keys, date order, the model's constraints).
 */
export declare const validate: (value: unknown) => Validatieresultaat;
/** True when the message is valid: the schema accepts it and every check passes. */
export declare function isUitwisselmodel(value: unknown): value is Uitwisselmodel;
