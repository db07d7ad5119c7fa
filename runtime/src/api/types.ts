/**
 * The public types of the DDAS Gegevens Uitwissel API's server and client. The names of the wire objects
 * are the OpenAPI's (GegevensRequest, Paginering, ProblemDetails, FscError). Every type is structural and
 * needs neither @types/node nor the DOM library: Node.js's http.IncomingMessage and http.ServerResponse,
 * and Express's and Fastify's (`request.raw`, `reply.raw`), fit HttpRequest and HttpResponse.
 */

/** The request body of `POST /gegevens`. */
export interface GegevensRequest {
  /** First day of the period asked for, JJJJ-MM-DD. */
  aanleverperiodeStartdatum?: string;
  /** Last day of the period asked for, JJJJ-MM-DD. */
  aanleverperiodeEinddatum?: string;
  aanleverende_organisatie?: string;
  /** The page asked for, from 1 (default 1). */
  page?: number;
  /** Records a page; the server caps it at its maximum (25,000 by default). */
  pageSize?: number;
}

/** How the delivery is paged: sent with every page. */
export interface Paginering {
  /** Records a page (the last page may hold fewer). */
  pageSize: number;
  currentPage: number;
  totalPages: number;
  totalRecords: number;
}

/** An RFC 9457 problem, as the API answers 400, 422 and 500. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Each problem with the request body, by JSON pointer (an extension member). */
  errors?: { pointer: string; detail: string }[];
}

/** The FSC error codes the API names in its `Fsc-Error-Code` header. */
export type FscErrorCode =
  | 'ERROR_CODE_ACCESS_TOKEN_MISSING'
  | 'ERROR_CODE_ACCESS_TOKEN_INVALID'
  | 'ERROR_CODE_ACCESS_TOKEN_EXPIRED'
  | 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN'
  | 'ERROR_CODE_SERVICE_NOT_FOUND'
  | 'ERROR_CODE_SERVICE_UNREACHABLE'
  | 'ERROR_CODE_METHOD_UNSUPPORTED';

/** The body of a 401, 403, 404, 405 or 502 answer (`application/problem+json`). */
export interface FscError {
  code: FscErrorCode;
  domain: 'ERROR_DOMAIN_INWAY' | 'ERROR_DOMAIN_OUTWAY';
  title?: string;
  detail?: string;
  status?: number;
}

/** An abort signal (the platform's AbortSignal fits). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What the server reads of a request: Node.js's http.IncomingMessage fits, and so do Express's and Fastify's. */
export interface HttpRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: { readonly [name: string]: string | readonly string[] | undefined };
  /** The body, when a framework has read and parsed it already (Express's `express.json()`, Fastify). */
  readonly body?: unknown;
  /** The body's bytes, when nothing has read them yet. */
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/** What the server writes to: Node.js's http.ServerResponse fits (Express's response, Fastify's `reply.raw`). */
export interface HttpResponse {
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: Uint8Array | string): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener(event: 'drain' | 'close', listener: () => void): unknown;
  destroy(error?: Error): unknown;
}

/**
 * A request listener for `POST /gegevens`: `http.createServer(handler)`, `app.post('/gegevens', handler)`
 * in Express, `reply.hijack(); handler(request.raw, reply.raw)` in Fastify. It never rejects: every failure
 * is answered (or, once the page is on its way, ends the connection) and reported to `onError`.
 */
export type GegevensHandler = (req: HttpRequest, res: HttpResponse) => Promise<void>;

/**
 * The message with any list given as an array, an Iterable or an AsyncIterable (a database cursor, a
 * generator): the server pulls the records as it writes them and never holds more than one page.
 */
export type Streamable<T> = T extends readonly (infer E)[]
  ? readonly Streamable<E>[] | Iterable<Streamable<E>> | AsyncIterable<Streamable<E>>
  : T extends object
    ? { [K in keyof T]: Streamable<T[K]> }
    : T;

/** The claims of the bearer token the request was made with (verified). */
export type TokenClaims = Readonly<Record<string, unknown>>;

/** What the server asks its source for: one page of the delivery asked for. */
export interface PageQuery {
  /** The request body as the client sent it (checked: known properties, dates, page and pageSize). */
  readonly request: Readonly<GegevensRequest>;
  /** The page, from 1. */
  readonly page: number;
  /** Records a page: the request's pageSize capped at the server's maximum. */
  readonly pageSize: number;
  /** The first record of the page, counted from 0 over the whole delivery: (page - 1) * pageSize. */
  readonly offset: number;
  /** The verified claims of the client's token (`sub`, `client_id`, ...), for the source's own authorisation. */
  readonly claims: TokenClaims;
  /** Aborted when the client hangs up: stop reading. */
  readonly signal: AbortSignalLike;
  /** The verified chain of the request's own signature (signing certificate first), when the handler checks them. */
  readonly requestSigner?: readonly CertificateInfo[];
}

/** One page from the source: the message with this page's records, and how many records the whole delivery has. */
export interface SourcePage<M> {
  /** Records of the whole delivery (all pages): paginering's totalRecords, from which totalPages follows. */
  readonly totalRecords: number;
  /**
   * The page as a message: the envelope with at most `pageSize` records in its record lists (the lists of
   * the package's streaming plan, such as each Levering's vroegsignalen and vroegsignaalzaken). Each page is
   * a message of its own and must be valid on its own: a record that refers to another goes on its page.
   */
  readonly gegevens: Streamable<M>;
}

/** The implementer's source of the delivery, asked page by page. */
export type GegevensSource<M> = (query: PageQuery) => SourcePage<M> | Promise<SourcePage<M>>;

/** A private key: PEM text or DER bytes (PKCS#8), or a key object (a KeyObject of Node.js's crypto module fits). */
export type PrivateKeyInput = string | Uint8Array | { readonly type: string };

/** A certificate: PEM text or DER bytes. */
export type CertificateInput = string | Uint8Array;

/** A JSON Web Key Set, as the authorisation server publishes it. */
export interface JsonWebKeySet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/** What went wrong while serving a request, for the implementer's log (the client gets a problem, no stack). */
export interface HandlerErrorContext {
  /** The status answered (500, or the status of a ProblemError), or 0 when the answer had begun and the connection was ended. */
  readonly status: number;
  readonly page?: number;
}

export interface GegevensHandlerOptions<M> {
  /** Where the records come from, page by page. */
  source: GegevensSource<M>;
  /** The signing key (RSA, at least 2048 bits: the signature is PS256). */
  key: PrivateKeyInput;
  /** The signing certificate first, then its issuers up to (not necessarily including) the root: sent as x5c. */
  chain: readonly CertificateInput[];
  /** `kid` of the signature's header (default: the signing certificate's SHA-256 thumbprint, as x5t#S256). */
  kid?: string;
  /** The authorisation server's keys: the URL of its JWKS (fetched and cached), or the set itself. */
  jwks: string | JsonWebKeySet;
  /** The `iss` a token must have. */
  issuer: string | readonly string[];
  /** The `aud` a token must have (this API). */
  audience: string | readonly string[];
  /** The scope a token must grant (default `read`). */
  scope?: string;
  /** Seconds of clock skew allowed for a token's exp and nbf (default 30). */
  clockTolerance?: number;
  /** The path the handler answers, at the end of the request's path (default `/gegevens`); others get 404. */
  path?: string;
  /** The most records a page holds (default 25,000); a request asks for fewer with pageSize. */
  maxPageSize?: number;
  /** Validate every page with the package's validator before it is sent (default true): an invalid page is answered 500. */
  validate?: boolean;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  maxRequestBytes?: number;
  /** Called with what went wrong on the server's side (default: console.error, one line). */
  onError?: (error: unknown, context: HandlerErrorContext) => void;
  /**
   * Check the request's own payload signature (the API protects request and response alike): its Digest
   * against the body and its nlgov-adr-payload-sig to one of `trustedRoots`; a request without one is
   * refused unless `required` is false. A refused request is answered 400. Needs the raw body: no body parser.
   */
  requestSignature?: { trustedRoots: readonly CertificateInput[]; required?: boolean };
}

/** A certificate of the chain that signed a page, as the client verified it. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** SHA-256 fingerprint, as colon-separated hexadecimal. */
  fingerprint256: string;
  validFrom: Date;
  validTo: Date;
  /** DER bytes. */
  raw: Uint8Array;
}

/** A response as the client reads it: the platform's fetch Response fits. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
  } | null;
}

/** The platform's fetch, or one with the same shape (a proxy, a test double at the network's edge). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignalLike },
) => Promise<FetchResponseLike>;

export interface FetchGegevensOptions {
  /** The API's `/gegevens` URL. */
  url: string;
  /** The bearer token, or a function that returns a valid one (called for every page, so it may renew). */
  token: string | (() => string | Promise<string>);
  /** The roots a page's signing chain must lead to (for PKIoverheid: its root certificates). */
  trustedRoots: readonly CertificateInput[];
  /** The period, organisation and page size to ask for; the client sets `page`. */
  request?: Omit<GegevensRequest, 'page'>;
  /** Validate every page with the package's validator (default true). */
  validate?: boolean;
  /**
   * Ask for the next page while the caller handles this one (default true), so that the server makes it
   * meanwhile; its body is read when the caller asks for it, so one page is held at a time.
   */
  prefetch?: boolean;
  /** Sign each request (Digest and nlgov-adr-payload-sig over its body) with this key and chain, as the server may ask. */
  sign?: { key: PrivateKeyInput; chain: readonly CertificateInput[]; kid?: string };
  /** Largest page accepted, in bytes (default 256 MiB). */
  maxPageBytes?: number;
  /**
   * Revocation checking (OCSP or CRL) of the signing chain, which the API description asks for: called with
   * the verified chain (signing certificate first); throw to refuse the page. Without it, no revocation check.
   */
  checkRevocation?: (chain: readonly CertificateInfo[]) => void | Promise<void>;
  /** The time to check certificates at (default: now). */
  now?: () => Date;
  fetch?: FetchLike;
  signal?: AbortSignalLike;
}

/** A record of a page, where it stands in the message. */
export interface RecordInPage {
  /** The record's object type in the message (the unit's name in the streaming plan: Vroegsignaal, ...). */
  naam: string;
  /** JSON pointer in the page's message. */
  pointer: string;
  record: unknown;
}

/** A page that arrived, whose digest, signature and contents were checked. */
export interface GegevensPage<M> {
  /** The page's number, from 1. */
  page: number;
  paginering: Paginering;
  /** The page's message, valid on its own. */
  gegevens: M;
  /** Records on this page. */
  recordCount: number;
  /** The page's records in the order of the message, each with its type and pointer. */
  records(): Iterable<RecordInPage>;
  /** The chain that signed the page, signing certificate first. */
  signer: readonly CertificateInfo[];
  /** The page's Digest header (`SHA-256=...`), checked against the bytes received. */
  digest: string;
}

/** Which check of a page failed. */
export type FetchCheck = 'http' | 'signature' | 'certificate' | 'digest' | 'format' | 'validation' | 'paginering';
