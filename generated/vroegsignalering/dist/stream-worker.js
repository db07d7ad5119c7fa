/** The worker thread of the streaming validator: reads and scans a delivery while the main thread validates. */
import { parentPort, workerData } from 'node:worker_threads';
import { werk } from './stream.js';
import { STREAM_CONTEXT } from './validate-stream.js';
if (parentPort)
    werk(parentPort, workerData, STREAM_CONTEXT);
