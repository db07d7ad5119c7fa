/**
 * The request body of `POST /gegevens`, read and checked against the OpenAPI's GegevensRequest (an object
 * with only its five properties, dates as RFC 3339 full-date, page and pageSize whole numbers of at least
 * 1). Each problem is reported by its JSON pointer; what the server answers is a 400 problem, never a stack.
 */
import { Buffer } from 'node:buffer';
import type { GegevensRequest, HttpRequest } from './types.js';

/** A problem the server answers with a status and an RFC 9457 body, thrown by the server or by a source. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: { pointer: string; detail: string }[],
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

const PROPERTIES = new Set([
  'aanleverperiodeStartdatum',
  'aanleverperiodeEinddatum',
  'aanleverende_organisatie',
  'page',
  'pageSize',
]);

/** A calendar date as JJJJ-MM-DD that exists (no 2025-02-30). */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(j, mnd - 1, d));
  return t.getUTCFullYear() === j && t.getUTCMonth() === mnd - 1 && t.getUTCDate() === d;
}

function header(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : v?.[0];
}

/**
 * The body as JSON: parsed already by a framework, or read from the request (at most `maxBytes`), with the
 * bytes it was read from (none when a framework parsed it), which a request's Digest is checked against.
 */
export async function readBody(req: HttpRequest, maxBytes: number): Promise<{ json: unknown; bytes?: Uint8Array }> {
  const type = header(req, 'content-type');
  if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ProblemError(
      400,
      'Bad Request',
      'Het verzoek moet een JSON-body hebben (Content-Type: application/json).',
    );
  }
  if (req.body !== undefined && !(req.body instanceof Uint8Array) && typeof req.body !== 'string')
    return { json: req.body };
  let bytes: Uint8Array;
  if (req.body !== undefined) bytes = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
  else {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of { [Symbol.asyncIterator]: () => req[Symbol.asyncIterator]() }) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
      size += b.length;
      if (size > maxBytes)
        throw new ProblemError(400, 'Bad Request', `De body van het verzoek is groter dan ${maxBytes} bytes.`);
      chunks.push(b);
    }
    bytes = Buffer.concat(chunks);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  if (text.trim() === '')
    throw new ProblemError(400, 'Bad Request', 'Het verzoek heeft geen body; verwacht een GegevensRequest.');
  try {
    return { json: JSON.parse(text), bytes };
  } catch (e) {
    throw new ProblemError(400, 'Bad Request', `De body van het verzoek is geen JSON: ${(e as Error).message}`);
  }
}

/** The checked request, with page and pageSize filled in; or a 400 ProblemError listing every problem. */
export function checkRequest(
  body: unknown,
  maxPageSize: number,
): { request: GegevensRequest; page: number; pageSize: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ProblemError(400, 'Bad Request', 'De body van het verzoek moet een JSON-object (GegevensRequest) zijn.', [
      { pointer: '', detail: 'geen object' },
    ]);
  const errors: { pointer: string; detail: string }[] = [];
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (!PROPERTIES.has(k))
      errors.push({ pointer: `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, detail: `onbekende eigenschap "${k}"` });
  }
  for (const k of ['aanleverperiodeStartdatum', 'aanleverperiodeEinddatum'] as const) {
    const v = b[k];
    if (v !== undefined && (typeof v !== 'string' || !isDate(v)))
      errors.push({ pointer: `/${k}`, detail: `${JSON.stringify(v)} is geen datum (JJJJ-MM-DD)` });
  }
  if (b.aanleverende_organisatie !== undefined && typeof b.aanleverende_organisatie !== 'string')
    errors.push({ pointer: '/aanleverende_organisatie', detail: 'moet tekst zijn' });
  for (const k of ['page', 'pageSize'] as const) {
    const v = b[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1))
      errors.push({
        pointer: `/${k}`,
        detail: `de parameter ${k} moet een geheel getal groter dan of gelijk aan 1 zijn, niet ${JSON.stringify(v)}`,
      });
  }
  if (errors.length > 0)
    throw new ProblemError(
      400,
      'Bad Request',
      `Ongeldig verzoek: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}.`,
      errors,
    );
  const request = b as GegevensRequest;
  if (
    request.aanleverperiodeStartdatum &&
    request.aanleverperiodeEinddatum &&
    request.aanleverperiodeStartdatum > request.aanleverperiodeEinddatum
  ) {
    throw new ProblemError(
      422,
      'Unprocessable Content',
      'aanleverperiodeEinddatum ligt voor aanleverperiodeStartdatum.',
      [{ pointer: '/aanleverperiodeEinddatum', detail: 'ligt voor de startdatum' }],
    );
  }
  return { request, page: request.page ?? 1, pageSize: Math.min(request.pageSize ?? maxPageSize, maxPageSize) };
}
