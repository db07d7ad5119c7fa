/**
 * The worker thread of the streaming validator: reads and scans a delivery while the main thread validates.
 * The model's part (plan, validators, rules) comes from the generated package's module named in the task,
 * so that one worker serves every model.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { werk, type StreamContext, type WerkOpdracht } from './stream.js';

const opdracht = workerData as WerkOpdracht;
const { STREAM_CONTEXT } = (await import(opdracht.contextModule)) as { STREAM_CONTEXT: StreamContext };
if (parentPort) werk(parentPort, opdracht, STREAM_CONTEXT);
