import { StreamValidator, type StreamContext, type StreamOpties, type StreamResultaat } from '@mimgen/runtime';
export { StreamValidator } from '@mimgen/runtime';
export { STREAM_PLAN } from './tabellen.js';
export type { StreamFout, StreamOpties, StreamResultaat, Voortgang } from '@mimgen/runtime';
/** The model's part of the streaming validator; the runtime's worker thread imports it from this module. */
export declare const STREAM_CONTEXT: StreamContext;
/** A validator to feed chunk by chunk (write, then end), for a server that receives a delivery in parts. */
export declare function createStreamValidator(opties?: StreamOpties): StreamValidator;
/**
 * Validates a delivery from any source of byte chunks (a file stream, an HTTP request body) in bounded memory;
 * by default a worker thread scans while this thread validates (worker: false: all in this thread).
 */
export declare function validateStream(bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opties?: StreamOpties): Promise<StreamResultaat>;
/** Validates a delivery file of any size, read in chunks of 1 MiB (by default in a worker thread, as validateStream). */
export declare function validateFile(pad: string, opties?: StreamOpties): Promise<StreamResultaat>;
