/**
 * The Node.js and web platform APIs that the exchange API's server and client use, declared here as
 * ../node.d.ts declares the streaming validator's: the runtime compiles without @types/node or the DOM
 * library, and no public declaration refers to them (the public types in types.ts are structural, so that
 * node:http's, Express's and Fastify's request and response objects fit them, and a consumer compiles
 * without @types/node). jose's declarations need the web types below too.
 */
declare module 'node:buffer' {
  interface Buffer {
    toString(encoding: 'base64' | 'base64url'): string;
  }
}

declare module 'node:crypto' {
  interface Hash {
    digest(encoding: 'base64url'): string;
    digest(): Uint8Array;
  }
  function createHash(algorithm: 'sha256'): Hash;
  interface KeyObject {
    readonly type: 'secret' | 'public' | 'private';
    readonly asymmetricKeyType?: string;
    readonly asymmetricKeyDetails?: { modulusLength?: number };
  }
  function createPrivateKey(
    key:
      | string
      | Uint8Array
      | { key: string | Uint8Array; passphrase?: string; format?: 'pem' | 'der'; type?: 'pkcs1' | 'pkcs8' | 'sec1' },
  ): KeyObject;
  class X509Certificate {
    constructor(buffer: string | Uint8Array);
    readonly ca: boolean;
    readonly fingerprint256: string;
    readonly issuer: string;
    readonly subject: string;
    readonly serialNumber: string;
    readonly validFrom: string;
    readonly validTo: string;
    readonly publicKey: KeyObject;
    readonly raw: Uint8Array;
    checkIssued(other: X509Certificate): boolean;
    checkPrivateKey(privateKey: KeyObject): boolean;
    verify(publicKey: KeyObject): boolean;
  }
}

interface URL {
  readonly href: string;
}

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare const AbortSignal: {
  any(signals: readonly AbortSignal[]): AbortSignal;
  timeout(ms: number): AbortSignal;
};
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

interface Headers {
  get(name: string): string | null;
}
interface ReadableStreamReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
interface Response {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body: { getReader(): ReadableStreamReader } | null;
  text(): Promise<string>;
}
interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}
declare function fetch(url: string, init?: RequestInit): Promise<Response>;

declare const console: { error(...data: unknown[]): void };
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
