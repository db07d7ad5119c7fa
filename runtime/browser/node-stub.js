// What the browser build has instead of node:fs, node:worker_threads and node:module: the streaming
// validator's Node-only paths (files by name, worker threads) are never taken in a browser; these names only
// satisfy their imports, and say so if called.
const alleenNode = (naam) => () => {
  throw new Error(`${naam} is only available in Node.js; in a browser, feed a StreamValidator chunk by chunk`);
};
export const createReadStream = alleenNode('createReadStream');
export const openSync = alleenNode('openSync');
export const readSync = alleenNode('readSync');
export const closeSync = alleenNode('closeSync');
export const statSync = alleenNode('statSync');
export const receiveMessageOnPort = alleenNode('receiveMessageOnPort');
export class Worker {
  constructor() {
    alleenNode('Worker')();
  }
}
export class MessageChannel {
  constructor() {
    alleenNode('MessageChannel')();
  }
}
export const parentPort = null;
export const workerData = null;
