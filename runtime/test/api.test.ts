/**
 * @mimgen/runtime/api on its own: the JAdES payload signature (signed, then each part of it broken in turn
 * and refused with the reason), and the server and client with the runtime's small test model
 * (bibliotheek.mjs: Boeken in a Bibliotheek), so that the engine is tested without a generated package. The
 * end-to-end tests with the DDAS models and their faults are in test/api/.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StreamContext } from '@mimgen/runtime';
import {
  createGegevensHandler,
  digestValue,
  fetchGegevens,
  PayloadSigner,
  TrustStore,
  verifyPayloadSignature,
  type CertificateInfo,
} from '@mimgen/runtime/api';
import * as model from './bibliotheek.mjs';
import { AUDIENCE, ISSUER, makeAuthority, makePki, type Authority, type Pki } from '../../test/api/pki.ts';
import { listen } from '../../test/api/support.ts';

const CONTEXT = model.STREAM_CONTEXT as unknown as StreamContext;

let pki: Pki;
let auth: Authority;
beforeAll(async () => {
  [pki, auth] = await Promise.all([makePki(), makeAuthority()]);
});

const digest = digestValue(createHash('sha256').update('{"a":1}').digest());
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const header = (sig: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(sig.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the JAdES payload signature', () => {
  it('signs the Digest header and verifies to the trusted root, returning the chain', async () => {
    const sig = await new PayloadSigner(pki.valid.key, pki.valid.chain).sign(digest);
    const chain: CertificateInfo[] = await verifyPayloadSignature(sig, digest, new TrustStore([pki.root]), new Date());
    expect(chain.map((c) => c.subject.split('\n')[0])).toEqual([
      'CN=Leverancier BV',
      'CN=Test Organisatie CA',
      'CN=Test Staat der Nederlanden Root CA',
    ]);
    // A key object does as well as PEM, and a kid of one's own is used.
    const own = await new PayloadSigner(createPrivateKey(pki.valid.key), pki.valid.chain, 'sleutel-2026').sign(digest);
    expect(header(own).kid).toBe('sleutel-2026');
  });

  it('refuses a signature that does not cover this Digest, and each broken part of the header', async () => {
    const trust = new TrustStore([pki.root]);
    const sig = await new PayloadSigner(pki.valid.key, pki.valid.chain).sign(digest);
    const [h, , s] = sig.split('.');
    const met = (change: Record<string, unknown>): string => `${b64({ ...header(sig), ...change })}..${s}`;
    const other = digestValue(createHash('sha256').update('{"a":2}').digest());
    const cases: [string, string, string, RegExp][] = [
      ['another digest', sig, other, /does not verify/],
      ['two headers joined', `${sig}, ${sig}`, digest, /more than once/],
      ['an attached payload', `${h}.eyJ9.${s}`, digest, /detached/],
      ['no JWS', 'abc', digest, /compact serialisation/],
      ['alg RS256', met({ alg: 'RS256' }), digest, /alg is "RS256"/],
      ['alg none', met({ alg: 'none' }), digest, /alg is "none"/],
      ['b64 true', met({ b64: true }), digest, /b64 is not false/],
      ['crit without sigD', met({ crit: ['b64'] }), digest, /crit does not name b64 and sigD/],
      [
        'another sigD mechanism',
        met({ sigD: { mId: 'http://uri.etsi.org/19182/ObjectIdByURI', pars: ['digest'] } }),
        digest,
        /HttpHeaders/,
      ],
      [
        'more headers signed',
        met({ sigD: { mId: 'http://uri.etsi.org/19182/HttpHeaders', pars: ['digest', 'content-type'] } }),
        digest,
        /pars is not \["digest"\]/,
      ],
      ['no x5c', met({ x5c: undefined }), digest, /x5c/],
      ['x5t#S256 of another certificate', met({ 'x5t#S256': 'AAAA' }), digest, /x5t#S256/],
      ['a changed header (the signature covers it)', met({ kid: 'iets anders' }), digest, /does not verify/],
    ];
    for (const [what, signature, d, reason] of cases) {
      await expect(verifyPayloadSignature(signature, d, trust, new Date()), what).rejects.toThrow(reason);
    }
  });

  it('refuses a chain that does not lead to the root, an expired certificate, a certificate not yet valid', async () => {
    const trust = new TrustStore([pki.root]);
    const foreign = await new PayloadSigner(pki.foreign.key, pki.foreign.chain).sign(digest);
    await expect(verifyPayloadSignature(foreign, digest, trust, new Date())).rejects.toMatchObject({
      check: 'certificate',
      message: expect.stringMatching(/does not lead to a trusted root/),
    });
    const expired = await new PayloadSigner(pki.expired.key, pki.expired.chain).sign(digest);
    await expect(verifyPayloadSignature(expired, digest, trust, new Date())).rejects.toMatchObject({
      check: 'certificate',
      message: expect.stringMatching(/expired on/),
    });
    const valid = await new PayloadSigner(pki.valid.key, pki.valid.chain).sign(digest);
    await expect(verifyPayloadSignature(valid, digest, trust, new Date(Date.now() - 7 * 86_400_000))).rejects.toThrow(
      /not valid before/,
    );
    // Without the intermediate in x5c the leaf's issuer is not a trusted root.
    const short = await new PayloadSigner(pki.valid.key, pki.valid.chain.slice(0, 1)).sign(digest);
    await expect(verifyPayloadSignature(short, digest, trust, new Date())).rejects.toThrow(
      /does not lead to a trusted root/,
    );
    // With the intermediate trusted, it does.
    expect(
      (await verifyPayloadSignature(short, digest, new TrustStore([pki.valid.chain[1]!]), new Date())).length,
    ).toBe(2);
  });

  it('refuses a key that cannot sign PS256 or does not belong to the certificate', () => {
    expect(() => new PayloadSigner(pki.valid.key, pki.foreign.chain)).toThrow(
      /chain\[0\] is not the certificate of key/,
    );
    expect(() => new PayloadSigner(pki.valid.key, [])).toThrow(/chain/);
    expect(() => new PayloadSigner(pki.valid.key, ['geen certificaat'])).toThrow(
      /chain\[0\] is not an X.509 certificate/,
    );
  });
});

describe("server and client with the runtime's own test model", () => {
  it('pages Boeken, nested under the Bibliotheek, and validates them on both sides', async () => {
    const boeken = Array.from({ length: 25 }, (_, i) => ({ isbn: `978-${i}`, titel: `Boek ${i}` }));
    const handler = createGegevensHandler(CONTEXT, {
      source: ({ offset, pageSize }) => ({
        totalRecords: boeken.length,
        gegevens: {
          naam: 'Centrale',
          boeken: (async function* () {
            yield* boeken.slice(offset, offset + pageSize);
          })(),
        },
      }),
      key: pki.valid.key,
      chain: pki.valid.chain,
      jwks: auth.jwks,
      issuer: ISSUER,
      audience: AUDIENCE,
      maxPageSize: 10,
    });
    const server = await listen(handler);
    try {
      const pages = [];
      for await (const page of fetchGegevens<{ naam: string; boeken: { isbn: string }[] }>(CONTEXT, {
        url: `${server.url}/gegevens`,
        token: await auth.token(),
        trustedRoots: [pki.root],
      })) {
        pages.push({
          page: page.page,
          isbns: page.gegevens.boeken.map((b) => b.isbn),
          records: [...page.records()].map((r) => `${r.naam} ${r.pointer}`),
        });
      }
      expect(pages.map((p) => p.isbns.length)).toEqual([10, 10, 5]);
      expect(pages.flatMap((p) => p.isbns)).toEqual(boeken.map((b) => b.isbn));
      expect(pages[2]!.records[0]).toBe('Boek /boeken/0');
    } finally {
      await server.close();
    }
  });
});
