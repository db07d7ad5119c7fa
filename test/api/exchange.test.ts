/**
 * The exchange API end to end, as a supplier and CBS use it: the generated package's createGegevensHandler
 * behind node:http on 127.0.0.1 and its fetchGegevens, with real cryptography made by the test (a root, an
 * intermediate CA and signing certificates; an authorisation server's RSA key and its JWKS). A delivery of
 * 60,000 Vroegsignalen arrives in three pages of 25,000, every record once, each page verified and valid;
 * each fault has its outcome: a byte changed in transit, a signature under another root, an expired
 * certificate, tokens that are missing, expired, for another audience or without the scope, bad requests,
 * a client that hangs up, a source that fails mid-page, a page the validator refuses.
 */
import { request as httpRequest, type IncomingMessage, type RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Pakket from '../../generated/vroegsignalering/dist/index.js';
import { AUDIENCE, ISSUER, makeAuthority, makePki, type Authority, type Pki, type Signer } from './pki.ts';
import { envelope, listen, PACKAGE, vroegsignalen, type Listening } from './support.ts';
import { vroegsignaal, vroegsignaalzaak } from '../stream/delivery.ts';

const pkg = (await import(PACKAGE)) as typeof Pakket;
type Page = Pakket.GegevensPage<Pakket.Uitwisselmodel>;

let pki: Pki;
let auth: Authority;
const open: Listening[] = [];

beforeAll(async () => {
  [pki, auth] = await Promise.all([makePki(), makeAuthority()]);
});
afterAll(async () => {
  await Promise.all(open.map((l) => l.close()));
});

async function serve(
  options: Partial<Pakket.GegevensHandlerOptions<Pakket.Uitwisselmodel>> & {
    source: Pakket.GegevensSource<Pakket.Uitwisselmodel>;
  },
  signer: Signer = pki.valid,
): Promise<Listening & { errors: unknown[] }> {
  const errors: unknown[] = [];
  const handler = pkg.createGegevensHandler({
    key: signer.key,
    chain: signer.chain,
    jwks: auth.jwks,
    issuer: ISSUER,
    audience: AUDIENCE,
    onError: (e) => errors.push(e),
    ...options,
  });
  // The handler is a request listener of node:http as it is typed: this line is the check.
  const listener: RequestListener = handler;
  const l = await listen(listener);
  open.push(l);
  return { ...l, url: `${l.url}/v1/gegevens`, errors };
}

/** The source as the handler's option type has it (the test's source makes plain records). */
const asSource = (s: (q: Pakket.PageQuery) => unknown): Pakket.GegevensSource<Pakket.Uitwisselmodel> =>
  s as Pakket.GegevensSource<Pakket.Uitwisselmodel>;

interface Fetched {
  pages: Page[];
  ids: string[];
  error?: Pakket.GegevensFetchError;
}

/** Fetches every page, keeping what was yielded until an error. */
async function fetchAll(options: Partial<Pakket.FetchGegevensOptions> & { url: string }): Promise<Fetched> {
  const out: Fetched = { pages: [], ids: [] };
  try {
    for await (const page of pkg.fetchGegevens({ token: () => auth.token(), trustedRoots: [pki.root], ...options })) {
      out.pages.push(page);
      for (const r of page.records()) if (r.naam === 'Vroegsignaal') out.ids.push((r.record as { ID: string }).ID);
    }
  } catch (e) {
    if (!(e instanceof pkg.GegevensFetchError)) throw e;
    out.error = e;
  }
  return out;
}

/** A raw POST, for the status, headers and body the server answers; with a valid token unless `headers` has one ('' for none). */
async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> }> {
  const { authorization = `Bearer ${await auth.token()}`, ...rest } = headers;
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...rest },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: r.status, headers: r.headers, text, json };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a delivery of 60,000 Vroegsignalen over loopback', () => {
  it('arrives in three pages of at most 25,000, every record once, each page signed, verified and valid', async () => {
    const { source, log } = vroegsignalen(60_000);
    const server = await serve({ source: asSource(source) });
    const r = await fetchAll({
      url: server.url,
      request: { aanleverperiodeStartdatum: '2025-01-01', aanleverperiodeEinddatum: '2025-12-31' },
    });
    expect(r.error).toBeUndefined();
    expect(r.pages.map((p) => [p.page, p.recordCount])).toEqual([
      [1, 25_000],
      [2, 25_000],
      [3, 10_000],
    ]);
    for (const p of r.pages) {
      expect(p.paginering).toEqual({ pageSize: 25_000, currentPage: p.page, totalPages: 3, totalRecords: 60_000 });
      expect(p.digest).toMatch(/^SHA-256=[A-Za-z0-9+/]{43}=$/);
      expect(p.signer.map((c) => c.subject.split('\n')[0])).toEqual([
        'CN=Leverancier BV',
        'CN=Test Organisatie CA',
        'CN=Test Staat der Nederlanden Root CA',
      ]);
      expect(pkg.validate(p.gegevens).valid).toBe(true);
    }
    expect(r.ids.length).toBe(60_000);
    expect(new Set(r.ids).size).toBe(60_000);
    expect(r.ids[0]).toBe('VS-0000-0000000');
    expect(r.ids.at(-1)).toBe('VS-0000-0059999');
    // The source was asked for each page once, with the request the client sent, and released each time.
    expect(log.queries.map((q) => [q.page, q.offset, q.pageSize])).toEqual([
      [1, 0, 25_000],
      [2, 25_000, 25_000],
      [3, 50_000, 25_000],
    ]);
    expect(log.queries[0]!.request).toEqual({
      aanleverperiodeStartdatum: '2025-01-01',
      aanleverperiodeEinddatum: '2025-12-31',
      page: 1,
    });
    expect(log.queries[0]!.claims.client_id).toBe('cbs');
    expect(log).toMatchObject({ pulled: 60_000, released: 3 });
    expect(server.errors).toEqual([]);
  });

  it('sends the headers the API describes: Digest of the body, one JAdES payload signature over it', async () => {
    const { source } = vroegsignalen(10);
    const server = await serve({ source: asSource(source) });
    const r = await fetch(server.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await auth.token()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    const body = new Uint8Array(await r.arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(r.headers.get('digest')).toBe(`SHA-256=${createHash('sha256').update(body).digest('base64')}`);
    expect(Number(r.headers.get('content-length'))).toBe(body.length);
    const [kop, payload, handtekening] = r.headers.get('nlgov-adr-payload-sig')!.split('.');
    expect(payload).toBe('');
    expect(handtekening!.length).toBeGreaterThan(300);
    const header = JSON.parse(Buffer.from(kop!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(header).toMatchObject({
      alg: 'PS256',
      typ: 'JOSE',
      b64: false,
      crit: ['b64', 'sigD'],
      sigD: { mId: 'http://uri.etsi.org/19182/HttpHeaders', pars: ['digest'] },
    });
    expect((header.x5c as string[]).length).toBe(2);
    expect(header.kid).toBe(header['x5t#S256']);
    expect(header.sigT).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const json = JSON.parse(Buffer.from(body).toString('utf8')) as { gegevens: unknown; paginering: unknown };
    expect(Object.keys(json)).toEqual(['gegevens', 'paginering']);
    expect(json.paginering).toEqual({ pageSize: 25_000, currentPage: 1, totalPages: 1, totalRecords: 10 });
  });

  it('pages records of two lists, a Vroegsignaalzaak on the page of the Vroegsignalen it names; records() gives each with its pointer', async () => {
    // 3 pages of 200 Vroegsignalen and 100 Vroegsignaalzaken each (pageSize 300).
    const source = asSource((q: Pakket.PageQuery) => {
      const start = (q.page - 1) * 200;
      const signalen = Array.from({ length: 200 }, (_, i) => vroegsignaal(0, start + i, start + i, true));
      const zaken = Array.from({ length: 100 }, (_, i) =>
        vroegsignaalzaak(0, start + 2 * i, start + 200, start + i, true),
      );
      const e = envelope(signalen) as { leveringen: Record<string, unknown>[] };
      e.leveringen[0]!.vroegsignaalzaken = zaken;
      return { totalRecords: 900, gegevens: e };
    });
    const server = await serve({ source });
    const r = await fetchAll({ url: server.url, request: { pageSize: 300 } });
    expect(r.error).toBeUndefined();
    expect(r.pages.map((p) => p.recordCount)).toEqual([300, 300, 300]);
    const records = [...r.pages[1]!.records()];
    expect(records[0]).toMatchObject({ naam: 'Vroegsignaal', pointer: '/leveringen/0/vroegsignalen/0' });
    expect(records[299]).toMatchObject({ naam: 'Vroegsignaalzaak', pointer: '/leveringen/0/vroegsignaalzaken/99' });
    expect(new Set(r.ids).size).toBe(600);
  });

  it('takes a source typed as the package types it: an Uitwisselmodel whose lists are async generators', async () => {
    async function* signalen(offset: number, n: number): AsyncGenerator<Pakket.Vroegsignaal> {
      for (let i = offset; i < offset + n; i++)
        yield { ID: `VS-${i}`, signaalpartner: { type: 'Huur' }, client: { Achternaam: 'Jansen' } };
    }
    const source: Pakket.GegevensSource<Pakket.Uitwisselmodel> = ({ offset, pageSize }) => ({
      totalRecords: 30,
      gegevens: {
        startdatumLevering: '2025-01-01',
        einddatumLevering: '2025-12-31',
        aanleverdatumEnTijd: '2026-01-15T10:30:00Z',
        codeGegevensleverancier: 'SOFT-123',
        leveringen: [
          {
            teller: 1,
            gemeentecode: '0363',
            aanleverende_organisatie: { naam: 'Gemeente Amsterdam' },
            vroegsignalen: signalen(offset, Math.min(pageSize, 30 - offset)),
            vroegsignaalzaken: [],
          },
        ],
      },
    });
    const server = await serve({ source });
    const r = await fetchAll({ url: server.url, request: { pageSize: 20 } });
    expect(r.error).toBeUndefined();
    const alle: Pakket.Vroegsignaal[] = r.pages.flatMap(
      (p) => p.gegevens.leveringen?.flatMap((l) => l.vroegsignalen ?? []) ?? [],
    );
    expect(alle.map((v) => v.ID)).toEqual(Array.from({ length: 30 }, (_, i) => `VS-${i}`));
  });

  it('stops when the caller stops: the page asked ahead is cancelled and the server releases its source', async () => {
    const { source, log } = vroegsignalen(60_000, { pause: 50 });
    const server = await serve({ source: asSource(source) });
    for await (const page of pkg.fetchGegevens({
      url: server.url,
      token: await auth.token(),
      trustedRoots: [pki.root],
    })) {
      expect(page.page).toBe(1);
      break;
    }
    await until(() => log.released === log.queries.length, 'the source to be released');
    expect(log.pulled).toBeLessThan(60_000);
  });
});

describe('a page that fails a check is never handed on', () => {
  it('a byte changed in transit (a tampering proxy): page 2 fails its Digest, after page 1 arrived intact', async () => {
    const { source } = vroegsignalen(60_000);
    const server = await serve({ source: asSource(source) });
    const target = new URL(server.url);
    let tampered = 0;
    const proxy = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const page = (JSON.parse(body.toString('utf8')) as { page: number }).page;
        const out = httpRequest(
          { host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers },
          (upstream: IncomingMessage) => {
            res.writeHead(upstream.statusCode!, upstream.headers);
            let seen = 0;
            upstream.on('data', (chunk: Buffer) => {
              // On page 2, one letter of a Plaatsnaam somewhere past the first 100 kB: JSON and schema stay valid.
              if (page === 2 && tampered === 0 && seen > 100_000) {
                const at = chunk.indexOf('"Plaatsnaam":"');
                if (at >= 0 && at + 14 < chunk.length) {
                  chunk[at + 14] = chunk[at + 14] === 0x58 ? 0x59 : 0x58;
                  tampered++;
                }
              }
              seen += chunk.length;
              res.write(chunk);
            });
            upstream.on('end', () => res.end());
          },
        );
        out.end(body);
      });
    });
    open.push(proxy);
    const r = await fetchAll({ url: `${proxy.url}/v1/gegevens` });
    expect(tampered).toBe(1);
    expect(r.error?.page).toBe(2);
    expect(r.error?.check).toBe('digest');
    expect(r.error?.message).toMatch(/^page 2: the Digest header \(SHA-256=.*\) does not match the bytes received/);
    // Page 1 came through the proxy untouched; nothing of page 2 was yielded.
    expect(r.pages.map((p) => p.page)).toEqual([1]);
    expect(r.ids.length).toBe(25_000);
  });

  it('a signature by a key under a root the client does not trust', async () => {
    const { source } = vroegsignalen(100);
    const server = await serve({ source: asSource(source) }, pki.foreign);
    const r = await fetchAll({ url: server.url });
    expect(r.pages).toEqual([]);
    expect(r.error?.check).toBe('certificate');
    expect(r.error?.message).toMatch(/^page 1: x5c does not lead to a trusted root: CN=Andere CA/);
  });

  it('a signing certificate that has expired', async () => {
    const { source } = vroegsignalen(100);
    const server = await serve({ source: asSource(source) }, pki.expired);
    const r = await fetchAll({ url: server.url });
    expect(r.pages).toEqual([]);
    expect(r.error?.check).toBe('certificate');
    expect(r.error?.message).toMatch(
      /^page 1: the signing certificate \(CN=Leverancier BV \(verlopen\).*\) expired on /,
    );
  });

  it('an expired intermediate when checked at a later time (now: a date past the chain)', async () => {
    const { source } = vroegsignalen(100);
    const server = await serve({ source: asSource(source) });
    const r = await fetchAll({ url: server.url, now: () => new Date(Date.now() + 20 * 365 * 86_400_000) });
    expect(r.error?.check).toBe('certificate');
    expect(r.error?.message).toMatch(/expired on/);
  });

  it('a refusal by checkRevocation (the hook for OCSP or CRL) refuses the page', async () => {
    const { source } = vroegsignalen(100);
    const server = await serve({ source: asSource(source) });
    const seen: string[][] = [];
    const r = await fetchAll({
      url: server.url,
      checkRevocation: (chain) => {
        seen.push(chain.map((c) => c.subject.split('\n')[0]!));
        throw new Error('certificate revoked (test)');
      },
    });
    expect(seen).toEqual([['CN=Leverancier BV', 'CN=Test Organisatie CA', 'CN=Test Staat der Nederlanden Root CA']]);
    expect(r.pages).toEqual([]);
    expect(r.error?.message).toBe('page 1: certificate revoked (test)');
  });

  it('a page the server sends without validating, which the client refuses', async () => {
    const { source } = vroegsignalen(100, {
      fault: (_, i, record) => (i === 42 ? { ...record, signaalpartner: { type: 'Onbekend' } } : record),
    });
    const server = await serve({ source: asSource(source), validate: false });
    const r = await fetchAll({ url: server.url });
    expect(r.pages).toEqual([]);
    expect(r.error?.check).toBe('validation');
    expect(r.error?.message).toMatch(
      /^page 1: the page's message is invalid \(1 error; the first: \/leveringen\/0\/vroegsignalen\/42\/signaalpartner\/type /,
    );
  });
});

describe('the server refuses what it must not send or answer', () => {
  it('validates each page before sending it: an invalid record is a 500 problem naming it, and nothing is sent', async () => {
    const { source } = vroegsignalen(60_000, {
      fault: (_, i, record) => (i === 55_555 ? { ...record, signaalpartner: { type: 'Onbekend' } } : record),
    });
    const server = await serve({ source: asSource(source) });
    const r = await fetchAll({ url: server.url });
    expect(r.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(r.error).toMatchObject({ page: 3, check: 'http', details: { status: 500 } });
    const problem = r.error!.details.problem as { detail: string; errors: { pointer: string }[] };
    expect(problem.detail).toBe('Pagina 3 voldoet niet aan het uitwisselmodel en is niet verstuurd (1 fouten).');
    expect(problem.errors[0]!.pointer).toBe('/gegevens/leveringen/0/vroegsignalen/5555/signaalpartner/type');
    expect(server.errors.length).toBe(1);
  });

  it('a source that fails mid-page: 500 problem without a stack, the page is not accepted, the source released', async () => {
    const { source, log } = vroegsignalen(60_000, {
      fault: (page, i, record) => {
        if (page === 2 && i === 30_000) throw new Error('database connection lost at /srv/db.js:12');
        return record;
      },
    });
    const server = await serve({ source: asSource(source) });
    const r = await fetchAll({ url: server.url });
    expect(r.pages.map((p) => p.page)).toEqual([1]);
    expect(r.ids.length).toBe(25_000);
    expect(r.error).toMatchObject({ page: 2, check: 'http', details: { status: 500 } });
    expect(r.error!.details.problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Pagina 2 kon niet worden samengesteld.',
    });
    expect(server.errors.map((e) => (e as Error).message)).toEqual(['database connection lost at /srv/db.js:12']);
    await until(() => log.released === 2, 'the source to be released');
  });

  it('a client that hangs up while the page is being pulled: the server stops pulling and releases the source', async () => {
    const { source, log } = vroegsignalen(60_000, { pause: 20 });
    const server = await serve({ source: asSource(source) });
    const token = await auth.token();
    const target = new URL(server.url);
    const req = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    req.on('error', () => undefined);
    req.end('{"page":1}');
    await until(() => log.pulled >= 2_000, 'the source to be pulled');
    req.destroy();
    await until(() => log.released === 1, 'the source to be released');
    const pulled = log.pulled;
    expect(pulled).toBeLessThan(25_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(log.pulled).toBe(pulled);
    expect(server.errors).toEqual([]);
  });

  it('a client that hangs up while the page is being sent: the handler ends, nothing is written after', async () => {
    const { source, log } = vroegsignalen(25_000);
    const done: Promise<void>[] = [];
    const handler = pkg.createGegevensHandler({
      key: pki.valid.key,
      chain: pki.valid.chain,
      jwks: auth.jwks,
      issuer: ISSUER,
      audience: AUDIENCE,
      source: asSource(source),
    });
    const server = await listen((req, res) => {
      done.push(handler(req, res));
    });
    open.push(server);
    const token = await auth.token();
    const url = new URL(`${server.url}/gegevens`);
    await new Promise<void>((resolve) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.end('{}');
    });
    await Promise.race([
      Promise.all(done),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the handler did not end')), 5_000)),
    ]);
    expect(log.released).toBe(1);
  });
});

describe('the request signed too (the API protects request and response alike), when the server asks', () => {
  it('a signed request is served and its signer handed to the source; an unsigned one, or one under another root, is a 400', async () => {
    const { source, log } = vroegsignalen(100);
    const server = await serve({ source: asSource(source), requestSignature: { trustedRoots: [pki.root] } });
    const signed = await fetchAll({ url: server.url, sign: { key: pki.valid.key, chain: pki.valid.chain } });
    expect(signed.error).toBeUndefined();
    expect(signed.ids.length).toBe(100);
    expect(log.queries[0]!.requestSigner?.map((c) => c.subject.split('\n')[0])).toEqual([
      'CN=Leverancier BV',
      'CN=Test Organisatie CA',
      'CN=Test Staat der Nederlanden Root CA',
    ]);
    const unsigned = await fetchAll({ url: server.url });
    expect(unsigned.error).toMatchObject({ page: 1, check: 'http', details: { status: 400 } });
    expect(unsigned.error!.message).toMatch(/geen nlgov-adr-payload-sig-header/);
    const foreign = await fetchAll({ url: server.url, sign: { key: pki.foreign.key, chain: pki.foreign.chain } });
    expect(foreign.error!.message).toMatch(/does not lead to a trusted root/);
    // A body changed after signing fails its Digest.
    const r = await post(server.url, { page: 2 }, { digest: signed.pages[0]!.digest, 'nlgov-adr-payload-sig': 'x..y' });
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(/Digest-header past niet bij de body/);
  });
});

describe('tokens: 401 and 403 with Fsc-Error-Code, as problem+json', () => {
  let url: string;
  beforeAll(async () => {
    url = (await serve({ source: asSource(vroegsignalen(10).source) })).url;
  });

  const cases: [string, () => Promise<Record<string, string>>, number, string][] = [
    ['missing', async () => ({ authorization: '' }), 401, 'ERROR_CODE_ACCESS_TOKEN_MISSING'],
    [
      'not a bearer token',
      async () => ({ authorization: 'Basic Y2JzOmdlaGVpbQ==' }),
      401,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
    ],
    [
      'expired',
      async () => ({
        authorization: `Bearer ${await auth.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 })}`,
      }),
      401,
      'ERROR_CODE_ACCESS_TOKEN_EXPIRED',
    ],
    [
      'for another audience',
      async () => ({ authorization: `Bearer ${await auth.token({}, { audience: 'https://elders.test/api' })}` }),
      401,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
    ],
    [
      'of another issuer',
      async () => ({ authorization: `Bearer ${await auth.token({}, { issuer: 'https://nep.test' })}` }),
      401,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
    ],
    [
      'signed with a key not in the JWKS',
      async () => ({ authorization: `Bearer ${await auth.token({}, { key: 'foreign' })}` }),
      401,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
    ],
    [
      'without scope read',
      async () => ({ authorization: `Bearer ${await auth.token({ scope: 'write' })}` }),
      403,
      'ERROR_CODE_ACCESS_TOKEN_INVALID',
    ],
  ];
  for (const [what, headers, status, code] of cases) {
    it(`a token ${what}: ${status} ${code}`, async () => {
      const r = await post(url, {}, await headers());
      expect(r.status).toBe(status);
      expect(r.headers.get('fsc-error-code')).toBe(code);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.json).toMatchObject({ code, domain: 'ERROR_DOMAIN_INWAY', status });
      expect(typeof r.json.detail).toBe('string');
      expect(r.headers.get('www-authenticate')).toMatch(
        status === 403 ? /^Bearer error="insufficient_scope", scope="read"$/ : /^Bearer/,
      );
    });
  }

  it('a JWKS fetched from the authorisation server by URL; when it cannot be fetched: 502 ERROR_CODE_SERVICE_UNREACHABLE', async () => {
    let asked = 0;
    const jwks = await listen((_req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(auth.jwks));
    });
    open.push(jwks);
    const remote = await serve({
      source: asSource(vroegsignalen(10).source),
      jwks: `${jwks.url}/.well-known/jwks.json`,
    });
    expect((await post(remote.url, {})).status).toBe(200);
    expect((await post(remote.url, {})).status).toBe(200);
    expect(asked).toBe(1);
    const gone = await listen(() => undefined);
    const url = `${gone.url}/jwks.json`;
    await gone.close();
    const unreachable = await serve({ source: asSource(vroegsignalen(10).source), jwks: url });
    const r = await post(unreachable.url, {});
    expect(r.status).toBe(502);
    expect(r.headers.get('fsc-error-code')).toBe('ERROR_CODE_SERVICE_UNREACHABLE');
    expect(unreachable.errors).toEqual([]);
  });

  it('the client names the page, the status and the FSC code', async () => {
    const r = await fetchAll({ url, token: await auth.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 }) });
    expect(r.error).toMatchObject({
      page: 1,
      check: 'http',
      details: { status: 401, fscErrorCode: 'ERROR_CODE_ACCESS_TOKEN_EXPIRED' },
    });
    expect(r.error!.message).toBe(
      'page 1: the server answered 401 (Unauthorized: Het access token is verlopen.: ERROR_CODE_ACCESS_TOKEN_EXPIRED)',
    );
  });
});

describe('bad requests: 400 application/problem+json, never a stack trace', () => {
  let url: string;
  beforeAll(async () => {
    url = (await serve({ source: asSource(vroegsignalen(60_000).source) })).url;
  });

  const cases: [string, unknown, number, string | undefined][] = [
    ['page 0', { page: 0 }, 400, '/page'],
    ['a page that is no whole number', { page: 1.5 }, 400, '/page'],
    ['pageSize as text', { pageSize: '100' }, 400, '/pageSize'],
    ['an unknown property', { page: 1, filter: 'x' }, 400, '/filter'],
    ['a date that is not a date', { aanleverperiodeStartdatum: '2025-02-30' }, 400, '/aanleverperiodeStartdatum'],
    ['a date in another format', { aanleverperiodeEinddatum: '31-12-2025' }, 400, '/aanleverperiodeEinddatum'],
    ['an array', [1], 400, ''],
    ['text that is not JSON', '{"page": 1,', 400, undefined],
    ['an empty body', '', 400, undefined],
    [
      'a period that ends before it starts',
      { aanleverperiodeStartdatum: '2025-12-31', aanleverperiodeEinddatum: '2025-01-01' },
      422,
      '/aanleverperiodeEinddatum',
    ],
    ['a page past the last', { page: 4 }, 422, '/page'],
  ];
  for (const [what, body, status, pointer] of cases) {
    it(`${what}: ${status}`, async () => {
      const r = await post(url, body);
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.json).toMatchObject({ type: 'about:blank', status });
      expect(typeof r.json.title).toBe('string');
      expect(typeof r.json.detail).toBe('string');
      if (pointer !== undefined) expect((r.json.errors as { pointer: string }[])[0]!.pointer).toBe(pointer);
      expect(r.text).not.toMatch(/\n\s+at |\.js:\d+|\.ts:\d+/);
    });
  }

  it('another media type: 400', async () => {
    const r = await post(url, 'page=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(400);
    expect(r.json.detail).toMatch(/application\/json/);
  });

  it('another method: 405 with Allow; another path: 404, both with their FSC code', async () => {
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.headers.get('fsc-error-code')).toBe('ERROR_CODE_METHOD_UNSUPPORTED');
    const other = await post(url.replace(/gegevens$/, 'andere'), {});
    expect(other.status).toBe(404);
    expect(other.headers.get('fsc-error-code')).toBe('ERROR_CODE_SERVICE_NOT_FOUND');
  });

  it('pageSize above the maximum is capped at 25,000; a smaller one is used', async () => {
    const { source, log } = vroegsignalen(60_000);
    const server = await serve({ source: asSource(source) });
    const big = await post(server.url, { pageSize: 100_000 });
    expect((big.json.paginering as Pakket.Paginering).pageSize).toBe(25_000);
    const small = await post(server.url, { pageSize: 7, page: 3 });
    expect(small.json.paginering).toEqual({ pageSize: 7, currentPage: 3, totalPages: 8572, totalRecords: 60_000 });
    expect(log.queries.at(-1)).toMatchObject({ page: 3, pageSize: 7, offset: 14 });
  });
});
