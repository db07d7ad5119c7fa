/**
 * The handler in the two frameworks suppliers use most besides node:http, as the package README shows it:
 * Express (`app.post(path, handler)`, with or without `express.json()` in front) and Fastify (`reply.hijack()`
 * and the raw request and response, in a scope without body parsing). One delivery each, fetched and
 * verified by the client; a bad request answered by the handler, not by the framework.
 */
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Pakket from '../../generated/vroegsignalering/dist/index.js';
import { AUDIENCE, ISSUER, makeAuthority, makePki, type Authority, type Pki } from './pki.ts';
import { listen, PACKAGE, vroegsignalen } from './support.ts';

const pkg = (await import(PACKAGE)) as typeof Pakket;

let pki: Pki;
let auth: Authority;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  [pki, auth] = await Promise.all([makePki(), makeAuthority()]);
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

function handler(): { handler: Pakket.GegevensHandler; log: ReturnType<typeof vroegsignalen>['log'] } {
  const { source, log } = vroegsignalen(1_000);
  return {
    handler: pkg.createGegevensHandler({
      source: source as Pakket.GegevensSource<Pakket.Uitwisselmodel>,
      key: pki.valid.key,
      chain: pki.valid.chain,
      jwks: auth.jwks,
      issuer: ISSUER,
      audience: AUDIENCE,
    }),
    log,
  };
}

async function fetchAll(url: string): Promise<{ pages: number[]; records: number }> {
  const pages: number[] = [];
  let records = 0;
  for await (const page of pkg.fetchGegevens({
    url,
    token: () => auth.token(),
    trustedRoots: [pki.root],
    request: { pageSize: 400 },
  })) {
    pages.push(page.page);
    records += page.recordCount;
  }
  return { pages, records };
}

async function badRequest(url: string): Promise<{ status: number; type: string | null }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${await auth.token()}`, 'content-type': 'application/json' },
    body: '{"page":0}',
  });
  return { status: r.status, type: r.headers.get('content-type') };
}

describe('the handler in Express and Fastify', () => {
  it('Express: app.post(path, handler), also behind express.json()', async () => {
    const { handler: h, log } = handler();
    const app = express();
    app.post('/v1/gegevens', h);
    app.post('/v2/gegevens', express.json(), h);
    const l = await listen(app);
    closers.push(l.close);
    expect(await fetchAll(`${l.url}/v1/gegevens`)).toEqual({ pages: [1, 2, 3], records: 1_000 });
    expect(await fetchAll(`${l.url}/v2/gegevens`)).toEqual({ pages: [1, 2, 3], records: 1_000 });
    expect(await badRequest(`${l.url}/v1/gegevens`)).toEqual({ status: 400, type: 'application/problem+json' });
    expect(log.released).toBe(6);
  });

  it('Fastify: reply.hijack() and the raw request and response, in a scope without body parsing', async () => {
    const { handler: h, log } = handler();
    const app = Fastify();
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      scope.post('/v1/gegevens', (request, reply) => {
        reply.hijack();
        return h(request.raw, reply.raw);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    const address = app.server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/v1/gegevens`;
    expect(await fetchAll(url)).toEqual({ pages: [1, 2, 3], records: 1_000 });
    expect(await badRequest(url)).toEqual({ status: 400, type: 'application/problem+json' });
    expect(log.released).toBe(3);
  });
});
