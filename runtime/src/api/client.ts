/**
 * The client of the DDAS Gegevens Uitwissel API: asks for page 1, then every page the paginering names,
 * and checks each before it hands it on: the `nlgov-adr-payload-sig` signature over the `Digest` header
 * with the certificate chain in x5c up to a trusted root (see jades.ts), the `Digest` against the bytes
 * received, the body's shape and paginering, and the page's message with the model's validator. A check
 * that fails ends the iteration with a GegevensFetchError that names the page and the check; a page is
 * yielded only when every check has passed, so unverified data never reaches the caller.
 *
 * A page is read in full before it is checked (its digest covers all of it) and parsed once. With
 * `prefetch` the next page is asked for while the caller works on this one, so that the server makes it
 * meanwhile; its headers and signature are checked then, its body is read when the caller asks for the page:
 * the client holds one page (and the caller's), whatever the size of the delivery.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { eenhedenValidator, maakValidate } from '../validatie.js';
import type { StreamContext } from '../stream.js';
import {
  digestValue,
  PayloadSigner,
  SIGNATURE_HEADER,
  SignatureError,
  TrustStore,
  verifyPayloadSignature,
} from './jades.js';
import type {
  CertificateInfo,
  FetchCheck,
  FetchGegevensOptions,
  FetchLike,
  FetchResponseLike,
  GegevensPage,
  Paginering,
  RecordInPage,
} from './types.js';

/** A page that failed a check: `page` and `check` say which and what; `status` and `problem` for an HTTP error. */
export class GegevensFetchError extends Error {
  constructor(
    readonly page: number,
    readonly check: FetchCheck,
    message: string,
    readonly details: {
      status?: number;
      problem?: unknown;
      fscErrorCode?: string;
      errors?: readonly { path: string; message: string }[];
    } = {},
  ) {
    super(`page ${page}: ${message}`);
    this.name = 'GegevensFetchError';
  }
}

const PROBLEM_BYTES = 1 << 16;

/** A page asked for: its answer's status, headers and signature checked, its body not yet read. */
interface Asked {
  page: number;
  response: FetchResponseLike;
  signer: CertificateInfo[];
  digest: string;
  sha256: string;
}

/** A buffer that grows to the largest page and is used again for each: pages are read one at a time. */
class PageBuffer {
  private bytes = new Uint8Array(0);
  take(length: number): Uint8Array {
    if (this.bytes.length < length) this.bytes = new Uint8Array(Math.ceil(length * 1.25));
    return this.bytes.subarray(0, length);
  }
}

/**
 * The body's bytes, at most `max`: into one buffer of the announced Content-Length as they arrive (each
 * chunk is dropped at once; `reuse` lends the buffer, whose bytes are good until the next page is read), or
 * collected and joined when the length is not announced.
 */
async function readAll(
  response: FetchResponseLike,
  max: number,
  page: number,
  onChunk?: (c: Uint8Array) => void,
  reuse?: PageBuffer,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooLarge = async (): Promise<never> => {
    await reader.cancel();
    throw new GegevensFetchError(page, 'format', `the body is larger than ${max} bytes`);
  };
  if (Number.isSafeInteger(announced) && announced >= 0) {
    if (announced > max) return tooLarge();
    const bytes = reuse ? reuse.take(announced) : new Uint8Array(announced);
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      if (size + value.length > announced)
        throw new GegevensFetchError(page, 'format', `the body is longer than its Content-Length (${announced})`);
      onChunk?.(value);
      bytes.set(value, size);
      size += value.length;
    }
    if (size !== announced)
      throw new GegevensFetchError(page, 'format', `the body ended after ${size} of its ${announced} bytes`);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    size += value.length;
    if (size > max) return tooLarge();
    onChunk?.(value);
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function isCount(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
}

/** The value at `pad` in `value`, or undefined. */
function at(value: unknown, pad: readonly string[]): unknown {
  let v = value;
  for (const k of pad) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** How many records a page's message holds: the items of the streaming plan's record lists. */
function countRecords(context: StreamContext, gegevens: unknown): number {
  const plan = context.plan.eenheden;
  const unit = (value: unknown, u: number): number => {
    let n = 0;
    for (const list of plan[u]!.lijsten) {
      const v = at(value, list.pad);
      if (!Array.isArray(v)) continue;
      if (plan[list.eenheid]!.record) n += v.length;
      else for (const item of v) n += unit(item, list.eenheid);
    }
    return n;
  };
  return unit(gegevens, 0);
}

/** The records of a page's message, by the streaming plan: each item of a list whose unit is a record. */
function* records(context: StreamContext, gegevens: unknown): Generator<RecordInPage> {
  const plan = context.plan.eenheden;
  function* unit(value: unknown, u: number, pointer: string): Generator<RecordInPage> {
    for (const list of plan[u]!.lijsten) {
      const v = at(value, list.pad);
      if (!Array.isArray(v)) continue;
      const base = `${pointer}/${list.pad.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
      const item = plan[list.eenheid]!;
      for (let i = 0; i < v.length; i++) {
        if (item.record) yield { naam: item.naam, pointer: `${base}/${i}`, record: v[i] };
        else yield* unit(v[i], list.eenheid, `${base}/${i}`);
      }
    }
  }
  yield* unit(gegevens, 0, '');
}

/**
 * Fetches every page of a delivery for a model (`context`: the generated package's STREAM_CONTEXT) and
 * yields each page once it is verified and valid.
 */
export async function* fetchGegevens<M>(
  context: StreamContext,
  options: FetchGegevensOptions,
): AsyncGenerator<GegevensPage<M>, void, undefined> {
  const trust = new TrustStore(options.trustedRoots);
  // One buffer for every page's bytes: receive() reads the pages one after the other and decodes them at once.
  const buffer = new PageBuffer();
  const requestSigner = options.sign
    ? new PayloadSigner(options.sign.key, options.sign.chain, options.sign.kid)
    : undefined;
  const doFetch: FetchLike = options.fetch ?? (fetch as unknown as FetchLike);
  const validate =
    options.validate === false
      ? undefined
      : maakValidate(eenhedenValidator(context.plan, context.validators), context.regels, context.melding);
  const maxPageBytes = options.maxPageBytes ?? 256 * (1 << 20);
  const now = options.now ?? ((): Date => new Date());
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  /** Asks for a page: its request, status, headers and signature; the body is left unread. */
  const ask = async (page: number): Promise<Asked> => {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    const body = JSON.stringify({ ...options.request, page });
    const signing: Record<string, string> = {};
    if (requestSigner) {
      signing.digest = digestValue(createHash('sha256').update(body).digest());
      signing[SIGNATURE_HEADER] = await requestSigner.sign(signing.digest);
    }
    let response: FetchResponseLike | undefined;
    // A connection that fails before an answer (a kept-alive socket the server closed as it was reused) is
    // tried again, twice at most: asking for a page changes nothing on the server, so it is safe to repeat.
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
            ...signing,
          },
          body,
          signal: controller.signal,
        });
      } catch (e) {
        if (attempt < 3 && !controller.signal.aborted) continue;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new GegevensFetchError(
          page,
          'http',
          `the request failed: ${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`,
        );
      }
    }
    if (response.status !== 200) {
      const problemBytes = await readAll(response, PROBLEM_BYTES, page).catch(() => new Uint8Array(0));
      const text = Buffer.from(problemBytes.buffer, problemBytes.byteOffset, problemBytes.length).toString('utf8');
      let problem: unknown;
      try {
        problem = JSON.parse(text);
      } catch {
        problem = undefined;
      }
      const p = (problem ?? {}) as { title?: unknown; detail?: unknown };
      const fscErrorCode = response.headers.get('fsc-error-code') ?? undefined;
      const what = [
        typeof p.title === 'string' ? p.title : undefined,
        typeof p.detail === 'string' ? p.detail : undefined,
        fscErrorCode,
      ]
        .filter(Boolean)
        .join(': ');
      throw new GegevensFetchError(page, 'http', `the server answered ${response.status}${what ? ` (${what})` : ''}`, {
        status: response.status,
        problem,
        ...(fscErrorCode ? { fscErrorCode } : {}),
      });
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(type))
      throw new GegevensFetchError(
        page,
        'format',
        `the answer is ${type || 'without Content-Type'}, not application/json`,
      );
    const signature = response.headers.get(SIGNATURE_HEADER);
    const digest = response.headers.get('digest');
    if (!signature) throw new GegevensFetchError(page, 'signature', `the answer has no ${SIGNATURE_HEADER} header`);
    if (!digest) throw new GegevensFetchError(page, 'digest', 'the answer has no Digest header');
    const sha256 = /(?:^|,)\s*sha-256=([A-Za-z0-9+/]+={0,2})\s*(?:,|$)/i.exec(digest)?.[1];
    if (!sha256) throw new GegevensFetchError(page, 'digest', `the Digest header has no SHA-256 value: ${digest}`);
    let signer: CertificateInfo[];
    try {
      signer = await verifyPayloadSignature(signature, digest, trust, now());
      await options.checkRevocation?.(signer);
    } catch (e) {
      throw new GegevensFetchError(
        page,
        e instanceof SignatureError ? e.check : 'certificate',
        e instanceof Error ? e.message : String(e),
      );
    }
    return { page, response, signer, digest, sha256 };
  };

  /** Reads an asked page's body and checks it: Digest, JSON, paginering, the message. */
  const receive = async ({ page, response, signer, digest, sha256 }: Asked): Promise<GegevensPage<M>> => {
    const hash = createHash('sha256');
    let bytes: Uint8Array | undefined = await readAll(response, maxPageBytes, page, (c) => hash.update(c), buffer);
    const received = hash.digest('base64');
    if (received !== sha256)
      throw new GegevensFetchError(
        page,
        'digest',
        `the Digest header (SHA-256=${sha256}) does not match the bytes received (SHA-256=${received})`,
      );
    let body: unknown;
    try {
      // The bytes and the text go as soon as the next form is made: a page is held in two forms at most.
      let text: string | undefined = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
      bytes = undefined;
      body = JSON.parse(text);
      text = undefined;
    } catch (e) {
      throw new GegevensFetchError(page, 'format', `the body is no JSON: ${(e as Error).message}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new GegevensFetchError(page, 'format', 'the body is no JSON object');
    const { gegevens, paginering: p } = body as { gegevens?: unknown; paginering?: Partial<Paginering> };
    if (typeof gegevens !== 'object' || gegevens === null || Array.isArray(gegevens))
      throw new GegevensFetchError(page, 'format', 'the body has no gegevens object');
    let paginering: Paginering;
    if (p === undefined)
      paginering = { pageSize: Number.MAX_SAFE_INTEGER, currentPage: 1, totalPages: 1, totalRecords: -1 };
    else if (
      typeof p === 'object' &&
      p !== null &&
      isCount(p.pageSize, 1) &&
      isCount(p.currentPage, 1) &&
      isCount(p.totalPages, 1) &&
      isCount(p.totalRecords, 0)
    )
      paginering = p as Paginering;
    else
      throw new GegevensFetchError(
        page,
        'paginering',
        `paginering is not four whole numbers (pageSize, currentPage, totalPages, totalRecords): ${JSON.stringify(p)}`,
      );
    if (paginering.currentPage !== page)
      throw new GegevensFetchError(page, 'paginering', `the answer is page ${paginering.currentPage}`);
    if (validate) {
      const result = validate(gegevens);
      if (!result.valid) {
        const first = result.errors[0]!;
        throw new GegevensFetchError(
          page,
          'validation',
          `the page's message is invalid (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; the first: ${first.path} ${first.message})`,
          {
            errors: result.errors.map((e) => ({ path: e.path, message: e.message })),
          },
        );
      }
    }
    const recordCount = countRecords(context, gegevens);
    if (recordCount > paginering.pageSize)
      throw new GegevensFetchError(
        page,
        'paginering',
        `the page holds ${recordCount} records, more than its pageSize ${paginering.pageSize}`,
      );
    if (paginering.totalRecords < 0)
      paginering = { pageSize: recordCount || 1, currentPage: 1, totalPages: 1, totalRecords: recordCount };
    return {
      page,
      paginering,
      gegevens: gegevens as M,
      recordCount,
      records: () => records(context, gegevens),
      signer,
      digest,
    };
  };

  // A rejected request asked ahead is handled when it is awaited; until then it must not count as unhandled.
  const ahead = (page: number): Promise<Asked> => {
    const p = ask(page);
    p.catch(() => undefined);
    return p;
  };
  let next: Promise<Asked> | undefined;
  try {
    let current = await receive(await ask(1));
    // Only the first page's paginering is kept, not the page.
    const first = current.paginering;
    const { totalPages, totalRecords, pageSize } = first;
    let seen = 0;
    for (let page = 1; ; page++) {
      if (page > 1) {
        current = await receive(await (next ?? ask(page)));
        next = undefined;
        const p = current.paginering;
        if (p.totalPages !== totalPages || p.totalRecords !== totalRecords || p.pageSize !== pageSize) {
          throw new GegevensFetchError(
            page,
            'paginering',
            `paginering changed from ${JSON.stringify(first)} to ${JSON.stringify(p)}`,
          );
        }
      }
      seen += current.recordCount;
      if (page < totalPages && options.prefetch !== false) next = ahead(page + 1);
      yield current;
      if (page >= totalPages) break;
    }
    if (seen !== totalRecords)
      throw new GegevensFetchError(
        totalPages,
        'paginering',
        `the pages hold ${seen} records, paginering says ${totalRecords}`,
      );
  } finally {
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
  }
}
