/**
 * The server of the DDAS Gegevens Uitwissel API: a request listener for `POST /gegevens` that checks the
 * bearer token and the request, asks the implementer's source for one page, writes it, validates it with
 * the model's validator, and sends it with its `Digest` and `nlgov-adr-payload-sig` headers.
 *
 * Memory: the headers carry the digest of the whole body, and headers go before the body, so a page is
 * written in full before it is sent. It is held as its JSON bytes (in blocks of 64 KiB, never as one string
 * or as the source's objects: each record is serialised as it is pulled and then dropped), so a request holds
 * at most one page's bytes, about 10 MB for 25,000 Vroegsignalen, whatever the size of the delivery. The
 * other way, trailers, would let the body stream straight through, but the API description has the digest
 * and signature as headers, and fetch() does not expose trailers to a client. Writing the page first also
 * means a source that fails mid-page, or a page the validator refuses, is answered with a 500 problem
 * instead of a cut-off body.
 *
 * The client hanging up aborts the query's signal; the writer stops between records and leaves the
 * source's loop, which calls the iterator's return() (a generator's finally runs, a cursor closes).
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { StreamValidator, type StreamContext } from '../stream.js';
import { digestValue, PayloadSigner, SIGNATURE_HEADER, TrustStore, verifyPayloadSignature } from './jades.js';
import { Aborted, PageWriter } from './page-writer.js';
import { checkRequest, ProblemError, readBody } from './request.js';
import { tokenVerifier } from './token.js';
import type {
  CertificateInfo,
  FscError,
  FscErrorCode,
  GegevensHandler,
  GegevensHandlerOptions,
  HandlerErrorContext,
  HttpRequest,
  HttpResponse,
  Paginering,
  ProblemDetails,
} from './types.js';

const ERRORS_SHOWN = 10;

function send(
  res: HttpResponse,
  status: number,
  body: ProblemDetails | FscError,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': bytes.length,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(bytes);
}

function fsc(
  res: HttpResponse,
  status: number,
  code: FscErrorCode,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  send(
    res,
    status,
    { code, domain: 'ERROR_DOMAIN_INWAY', title, detail, status },
    { 'fsc-error-code': code, ...headers },
  );
}

function problem(res: HttpResponse, e: ProblemError): void {
  send(res, e.status, {
    type: 'about:blank',
    title: e.title,
    status: e.status,
    detail: e.detail,
    ...(e.errors ? { errors: e.errors } : {}),
  });
}

/** Waits until the response can take more, or is closed. */
function drain(res: HttpResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

const defaultOnError = (error: unknown, context: HandlerErrorContext): void => {
  console.error(
    `@mimgen/runtime gegevens handler: ${context.status || 'connection ended'}${context.page ? ` (page ${context.page})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
  );
};

/**
 * The request listener for a model: `context` is the generated package's STREAM_CONTEXT (its streaming
 * plan, validators and rules), which says where the records are and how a page is validated.
 */
export function createGegevensHandler<M>(context: StreamContext, options: GegevensHandlerOptions<M>): GegevensHandler {
  const signer = new PayloadSigner(options.key, options.chain, options.kid);
  const verifyToken = tokenVerifier({
    jwks: options.jwks,
    issuer: options.issuer,
    audience: options.audience,
    scope: options.scope ?? 'read',
    clockTolerance: options.clockTolerance ?? 30,
  });
  const path = options.path ?? '/gegevens';
  const maxPageSize = options.maxPageSize ?? 25_000;
  const maxRequestBytes = options.maxRequestBytes ?? 1 << 16;
  const validate = options.validate ?? true;
  const onError = options.onError ?? defaultOnError;
  if (!Number.isSafeInteger(maxPageSize) || maxPageSize < 1)
    throw new Error('maxPageSize: a whole number of at least 1');
  const requestTrust = options.requestSignature ? new TrustStore(options.requestSignature.trustedRoots) : undefined;
  const requestSignatureRequired = options.requestSignature?.required ?? true;

  /** The request's own payload signature, when the handler checks them: its verified chain. */
  const verifyRequest = async (
    req: HttpRequest,
    bytes: Uint8Array | undefined,
  ): Promise<CertificateInfo[] | undefined> => {
    if (!requestTrust) return undefined;
    const one = (name: string): string | undefined => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : v === undefined ? undefined : v.join(', ');
    };
    const signature = one(SIGNATURE_HEADER);
    const digest = one('digest');
    if (signature === undefined && digest === undefined && !requestSignatureRequired) return undefined;
    const refuse = (detail: string): never => {
      throw new ProblemError(400, 'Bad Request', `De handtekening van het verzoek is ongeldig: ${detail}`, [
        { pointer: '', detail },
      ]);
    };
    if (!signature) return refuse(`het verzoek heeft geen ${SIGNATURE_HEADER}-header`);
    if (!digest) return refuse('het verzoek heeft geen Digest-header');
    if (!bytes)
      throw new ProblemError(
        500,
        'Internal Server Error',
        'De handtekening van het verzoek kan niet worden gecontroleerd: een body-parser heeft de body al gelezen (gebruik de handler zonder).',
      );
    const sha256 = /(?:^|,)\s*sha-256=([A-Za-z0-9+/]+={0,2})\s*(?:,|$)/i.exec(digest)?.[1];
    if (!sha256) return refuse('de Digest-header heeft geen SHA-256-waarde');
    if (createHash('sha256').update(bytes).digest('base64') !== sha256)
      return refuse('de Digest-header past niet bij de body');
    try {
      return await verifyPayloadSignature(signature, digest, requestTrust, new Date());
    } catch (e) {
      return refuse(e instanceof Error ? e.message : String(e));
    }
  };

  return async (req, res) => {
    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableEnded) controller.abort();
    };
    res.once('close', onClose);
    let page: number | undefined;
    try {
      const pathname = (req.url ?? '/').replace(/[?#].*$/, '');
      if (!(pathname === path || pathname.endsWith(path.startsWith('/') ? path : `/${path}`))) {
        fsc(
          res,
          404,
          'ERROR_CODE_SERVICE_NOT_FOUND',
          'Not Found',
          `Deze API heeft geen ${pathname}; de gegevens staan op ${path}.`,
        );
        return;
      }
      if (req.method !== 'POST') {
        fsc(
          res,
          405,
          'ERROR_CODE_METHOD_UNSUPPORTED',
          'Method Not Allowed',
          `${path} kent alleen POST, niet ${req.method ?? '?'}.`,
          { allow: 'POST' },
        );
        return;
      }
      const authorization = req.headers.authorization;
      const token = await verifyToken(typeof authorization === 'string' ? authorization : authorization?.[0]);
      if (!token.ok) {
        fsc(
          res,
          token.status,
          token.code,
          token.status === 401 ? 'Unauthorized' : token.status === 403 ? 'Forbidden' : 'Bad Gateway',
          token.detail,
          token.wwwAuthenticate ? { 'www-authenticate': token.wwwAuthenticate } : {},
        );
        return;
      }
      const body = await readBody(req, maxRequestBytes);
      const requestSigner = await verifyRequest(req, body.bytes);
      const checked = checkRequest(body.json, maxPageSize);
      page = checked.page;
      const { pageSize, request } = checked;
      const signal = controller.signal;
      const source = await options.source({
        request,
        page,
        pageSize,
        offset: (page - 1) * pageSize,
        claims: token.claims,
        signal,
        ...(requestSigner ? { requestSigner } : {}),
      });
      const totalRecords = source.totalRecords;
      if (!Number.isSafeInteger(totalRecords) || totalRecords < 0)
        throw new ProblemError(500, 'Internal Server Error', 'De bron gaf geen geldig totalRecords.');
      const totalPages = Math.max(1, Math.ceil(totalRecords / pageSize));
      if (page > totalPages)
        throw new ProblemError(
          422,
          'Unprocessable Content',
          `Pagina ${page} bestaat niet: de levering heeft ${totalPages} pagina${totalPages === 1 ? '' : "'s"} van ${pageSize} records.`,
          [{ pointer: '/page', detail: `groter dan totalPages (${totalPages})` }],
        );

      const hash = createHash('sha256');
      const chunks: Uint8Array[] = [];
      let length = 0;
      const validator = validate
        ? new StreamValidator(context.plan, context.validators, context.regels, context.melding, {
            maxErrors: ERRORS_SHOWN,
          })
        : undefined;
      let toValidator = false;
      const writer = new PageWriter(context.plan, pageSize, signal, (bytes) => {
        hash.update(bytes);
        chunks.push(bytes);
        length += bytes.length;
        if (toValidator) validator?.write(bytes);
      });
      writer.write('{"gegevens":');
      writer.flush();
      toValidator = true;
      await writer.message(source.gegevens);
      writer.flush();
      toValidator = false;
      const paginering: Paginering = { pageSize, currentPage: page, totalPages, totalRecords };
      writer.write(`,"paginering":${JSON.stringify(paginering)}}`);
      writer.flush();
      if (validator) {
        const result = validator.end();
        if (!result.valid) {
          const errors = result.errors
            .slice(0, ERRORS_SHOWN)
            .map((e) => ({ pointer: `/gegevens${e.path === '/' ? '' : e.path}`, detail: e.message }));
          throw new ProblemError(
            500,
            'Internal Server Error',
            `Pagina ${page} voldoet niet aan het uitwisselmodel en is niet verstuurd (${result.stopped === 'max-errors' ? `${ERRORS_SHOWN} of meer` : result.errors.length} fouten).`,
            errors,
          );
        }
      }
      const digest = digestValue(hash.digest());
      const signature = await signer.sign(digest);
      if (signal.aborted) return;
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': length,
        digest,
        [SIGNATURE_HEADER]: signature,
        'cache-control': 'no-store',
      });
      for (const chunk of chunks) {
        if (!res.write(chunk)) await drain(res);
        if (signal.aborted) return;
      }
      res.end();
    } catch (e) {
      if (e instanceof Aborted || controller.signal.aborted) return;
      if (e instanceof ProblemError) {
        if (e.status >= 500) onError(e, { status: e.status, ...(page ? { page } : {}) });
        problem(res, e);
        return;
      }
      onError(e, { status: res.headersSent ? 0 : 500, ...(page ? { page } : {}) });
      problem(
        res,
        new ProblemError(
          500,
          'Internal Server Error',
          page ? `Pagina ${page} kon niet worden samengesteld.` : 'Het verzoek kon niet worden verwerkt.',
        ),
      );
    } finally {
      res.removeListener('close', onClose);
    }
  };
}
