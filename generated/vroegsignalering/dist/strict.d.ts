import { type EenheidValidator, type Fout, type SchemaFout, type StreamContext, type StreamValidatie, type Validatieresultaat } from '@mimgen/runtime';
import type { Uitwisselmodel } from './uitwisselmodel.js';
/** The precompiled validator of each unit of the strict form's streaming plan, by name: its own, or compat's where the strict form adds nothing to the unit. */
export declare const VALIDATORS: Readonly<Record<string, EenheidValidator>>;
/**
 * A schema error in the model's terms, as validate() tells it; a field that only the strict form requires
 * (or a list it wants longer) also says why: the informatiemodel's kardinaliteit.
 */
export declare function melding(fout: SchemaFout): Fout;
/** Validates a message in the strict form: the strict schema's errors first, then the checks JSON Schema cannot express. */
export declare const validate: (value: unknown) => Validatieresultaat;
/** True when the message is valid in the strict form. */
export declare function isUitwisselmodel(value: unknown): value is Uitwisselmodel;
/** The model's part of the strict streaming validator; the runtime's worker thread imports it from this module. */
export declare const STREAM_CONTEXT: StreamContext;
/** A strict validator to feed chunk by chunk (write, then end). */
export declare const createStreamValidator: StreamValidatie['createStreamValidator'];
/** Validates a delivery in the strict form from any source of byte chunks in bounded memory. */
export declare const validateStream: StreamValidatie['validateStream'];
/** Validates a delivery file of any size in the strict form. */
export declare const validateFile: StreamValidatie['validateFile'];
