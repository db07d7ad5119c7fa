/**
 * The few Node.js APIs the streaming validator uses, declared here so that the package type-checks at
 * generation without @types/node. Only the implementation uses them; no public type refers to them.
 */
declare module 'node:buffer' {
  interface Buffer extends Uint8Array {
    toString(encoding?: 'utf8' | 'latin1', start?: number, end?: number): string;
    subarray(start?: number, end?: number): Buffer;
    /** Undocumented fast paths of toString, used when present. */
    latin1Slice?: (start: number, end: number) => string;
    utf8Slice?: (start: number, end: number) => string;
  }
  const Buffer: {
    from(data: ArrayBufferLike, byteOffset?: number, length?: number): Buffer;
    from(data: Uint8Array | readonly number[]): Buffer;
    from(data: string, encoding?: 'utf8' | 'latin1'): Buffer;
    concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
    alloc(size: number): Buffer;
  };
  function isUtf8(input: Uint8Array): boolean;
  function isAscii(input: Uint8Array): boolean;
}

declare module 'node:crypto' {
  interface Hash {
    update(data: Uint8Array | string): Hash;
    digest(encoding: 'base64'): string;
  }
  function createHash(algorithm: 'sha1'): Hash;
}

declare module 'node:fs' {
  function createReadStream(path: string, options?: { highWaterMark?: number }): AsyncIterable<Uint8Array>;
  function openSync(path: string, flags: 'r'): number;
  function readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  function closeSync(fd: number): void;
  function statSync(path: string): { isFile(): boolean; size: number };
}

declare module 'node:worker_threads' {
  class Worker {
    constructor(
      url: { href: string },
      options?: {
        workerData?: unknown;
        execArgv?: string[];
        transferList?: readonly (ArrayBuffer | MessagePort)[];
        resourceLimits?: { maxYoungGenerationSizeMb?: number };
      },
    );
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    on(event: 'message', listener: (message: unknown) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'exit', listener: (code: number) => void): this;
    terminate(): Promise<number>;
  }
  class MessagePort {
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    close(): void;
  }
  class MessageChannel {
    readonly port1: MessagePort;
    readonly port2: MessagePort;
  }
  function receiveMessageOnPort(port: MessagePort): { message: unknown } | undefined;
  const parentPort: {
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    on(event: 'message', listener: (message: unknown) => void): unknown;
    close(): void;
  } | null;
  const workerData: unknown;
}

/** The globals the generated entry points use to find the worker script. */
interface ImportMeta {
  url: string;
}
declare const URL: new (url: string, base?: string) => { href: string };
interface EventLoopUtilization {
  idle: number;
  active: number;
  utilization: number;
}
declare const performance: { now(): number; eventLoopUtilization(since?: EventLoopUtilization): EventLoopUtilization };
