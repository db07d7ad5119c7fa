/** The worker thread of the streaming validator: reads and scans a delivery while the main thread validates. */
import { parentPort, workerData } from 'node:worker_threads';
import { werk, type WerkOpdracht } from './stream.js';
import { STREAM_CONTEXT } from './validate-stream.js';

if (parentPort) werk(parentPort, workerData as WerkOpdracht, STREAM_CONTEXT);
