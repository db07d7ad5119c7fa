/** The model as data for the package's engines, in tabellen.js: generated from the model, the same shapes for every model. */
import type { Regels, StreamPlan } from '@mimgen/runtime';

/** The rules generated from the model: keys unique per scope, references by key, date order, conditions. */
export declare const REGELS: Regels;
/** What each field of the message is in the informatiemodel (JSON pointer with * for list items). */
export declare const VELDEN: Readonly<Record<string, string>>;
/** The type of each object of the message by its place. */
export declare const OBJECTEN: Readonly<Record<string, string>>;
/**
 * How the message falls apart for streaming: the message without its streamed lists, each item of a streamed
 * list that holds streamed lists itself, and the records, each validated on its own as it arrives.
 */
export declare const STREAM_PLAN: StreamPlan;
/** The streaming plan of the strict form (uitwisselmodel.strict.schema.json): the same units, with its bounds of the streamed lists. */
export declare const STREAM_PLAN_STRICT: StreamPlan;
/**
 * Why the strict form requires a field that the compat form leaves optional, or a longer list: the
 * informatiemodel's kardinaliteit, by the field's place (JSON pointer with * for list items).
 */
export declare const VEREIST_STRICT: Readonly<Record<string, string>>;
