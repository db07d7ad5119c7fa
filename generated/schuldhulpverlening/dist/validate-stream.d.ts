import { type StreamContext, type StreamValidatie } from '@mimgen/runtime';
export { StreamValidator } from '@mimgen/runtime';
export { STREAM_PLAN } from './tabellen.js';
export type { StreamFout, StreamOpties, StreamResultaat, Voortgang } from '@mimgen/runtime';
/** The model's part of the streaming validator; the runtime's worker thread imports it from this module. */
export declare const STREAM_CONTEXT: StreamContext;
/** A validator to feed chunk by chunk (write, then end), for a server that receives a delivery in parts. */
export declare const createStreamValidator: StreamValidatie['createStreamValidator'];
/** Validates a delivery from any source of byte chunks in bounded memory (by default with a worker thread). */
export declare const validateStream: StreamValidatie['validateStream'];
/** Validates a delivery file of any size, read in chunks of 1 MiB (by default with a worker thread). */
export declare const validateFile: StreamValidatie['validateFile'];
