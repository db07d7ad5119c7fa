/**
 * The payload signature of Geonovum's KP-APIs module "ADR-HTTP Message and payload signing with JAdES"
 * (API-strategie-modules/signing-jades): a JWS in compact serialisation with detached content (RFC 7515,
 * appendix F) in the header `nlgov-adr-payload-sig`, PS256, with a signed `sigD` of ETSI TS 119 182-1's
 * HttpHeaders mechanism whose `pars` are `["digest"]`: only the `Digest` header (RFC 3230, SHA-256 of the
 * body) is signed, not the body itself. Where the module is silent this follows ETSI TS 119 182-1 (JAdES):
 *
 * - the JWS payload is the HttpHeaders mechanism's: each header in `pars` as its lower-case name, `: ` and
 *   its value, lines joined by `\n`; here the one line `digest: SHA-256=<base64>`;
 * - `b64: false` (RFC 7797): JAdES requires it with the HttpHeaders mechanism; `crit` is `["b64", "sigD"]`,
 *   the parameters JAdES and RFC 7797 require there (RFC 7515's own parameters may not be listed);
 * - the header carries `x5c` (the chain, signing certificate first, as the DDAS API asks), `x5t#S256` (the
 *   signing certificate's reference a JAdES baseline signature needs), `kid` (default: the same
 *   thumbprint), `typ: "JOSE"` (as the DDAS API asks) and `sigT`, the claimed signing time (UTC, whole
 *   seconds);
 * - a verifier requires all of that, takes the public key from x5c's first certificate, checks that x5c
 *   leads to one of its trusted roots (each certificate issued and signed by the next, intermediates marked
 *   as CA, every certificate and the root valid at the time of checking, sigT within the signing
 *   certificate's validity) and refuses a header that appears more than once. Revocation (OCSP, CRL), which
 *   the DDAS API asks for, needs the network: the client takes a function for it (`checkRevocation`).
 */
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { FlattenedSign, flattenedVerify } from 'jose';
import type { CertificateInfo, CertificateInput, PrivateKeyInput } from './types.js';

/** Buffer's base64 decoders, which ../node.d.ts does not declare. */
const fromText = Buffer.from.bind(Buffer) as unknown as (text: string, encoding: 'base64' | 'base64url') => Uint8Array;

export const SIGNATURE_HEADER = 'nlgov-adr-payload-sig';
const HTTP_HEADERS = 'http://uri.etsi.org/19182/HttpHeaders';

/** The `Digest` header's value for a body: `SHA-256=` and the base64 of its hash (RFC 3230). */
export function digestValue(sha256: Uint8Array): string {
  return `SHA-256=${Buffer.from(sha256).toString('base64')}`;
}

/** The JWS payload of the HttpHeaders mechanism with pars ["digest"]. */
function payload(digest: string): Uint8Array {
  return Buffer.from(`digest: ${digest.trim()}`, 'utf8');
}

function certificate(input: CertificateInput, what: string): X509Certificate {
  try {
    return new X509Certificate(input);
  } catch (e) {
    throw new Error(`${what} is not an X.509 certificate (PEM or DER): ${(e as Error).message}`);
  }
}

function thumbprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('base64url');
}

/** Makes `nlgov-adr-payload-sig` headers with one key and chain. */
export class PayloadSigner {
  private readonly key: KeyObject;
  private readonly x5c: string[];
  private readonly x5t: string;
  private readonly kid: string;

  constructor(key: PrivateKeyInput, chain: readonly CertificateInput[], kid?: string) {
    if (chain.length === 0) throw new Error('chain: the signing certificate (and its issuers) is required');
    this.key =
      typeof key === 'string' || key instanceof Uint8Array
        ? createPrivateKey(typeof key === 'string' ? key : { key, format: 'der', type: 'pkcs8' })
        : (key as KeyObject);
    if (this.key.type !== 'private') throw new Error('key: a private key is required');
    if (this.key.asymmetricKeyType !== 'rsa' && this.key.asymmetricKeyType !== 'rsa-pss')
      throw new Error(`key: PS256 needs an RSA key, not ${this.key.asymmetricKeyType ?? 'this key'}`);
    const bits = this.key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) throw new Error(`key: an RSA key of at least 2048 bits is required (this one has ${bits})`);
    const certs = chain.map((c, i) => certificate(c, `chain[${i}]`));
    if (!certs[0]!.checkPrivateKey(this.key)) throw new Error('chain[0] is not the certificate of key');
    this.x5c = certs.map((c) => Buffer.from(c.raw).toString('base64'));
    this.x5t = thumbprint(certs[0]!);
    this.kid = kid ?? this.x5t;
  }

  /** The header's value for a body whose `Digest` header is `digest`. */
  async sign(digest: string, now: Date = new Date()): Promise<string> {
    const header = {
      alg: 'PS256',
      typ: 'JOSE',
      kid: this.kid,
      x5c: this.x5c,
      'x5t#S256': this.x5t,
      sigT: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      b64: false,
      crit: ['b64', 'sigD'],
      sigD: { mId: HTTP_HEADERS, pars: ['digest'] },
    };
    const jws = await new FlattenedSign(payload(digest))
      .setProtectedHeader(header)
      .sign(this.key, { crit: { sigD: true } });
    return `${jws.protected}..${jws.signature}`;
  }
}

/** A failed check of a signature: `check` says whether the signature or its certificates failed. */
export class SignatureError extends Error {
  constructor(
    readonly check: 'signature' | 'certificate',
    message: string,
  ) {
    super(message);
    this.name = 'SignatureError';
  }
}

function info(c: X509Certificate): CertificateInfo {
  return {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    fingerprint256: c.fingerprint256,
    validFrom: new Date(c.validFrom),
    validTo: new Date(c.validTo),
    raw: c.raw,
  };
}

function name(c: X509Certificate): string {
  return c.subject.replace(/\n/g, ', ');
}

/** The certificates of each TrustStore, kept out of its public declaration (which names no Node.js type). */
const ROOTS = new WeakMap<TrustStore, X509Certificate[]>();

/** Trusted roots, parsed once. */
export class TrustStore {
  constructor(roots: readonly CertificateInput[]) {
    if (roots.length === 0) throw new Error('trustedRoots: at least one root certificate is required');
    ROOTS.set(
      this,
      roots.map((r, i) => certificate(r, `trustedRoots[${i}]`)),
    );
  }
}

/**
 * Checks that `chain` (signing certificate first) leads to a root of `trust` and that every certificate on
 * the way is valid at `now`; returns the chain up to and including the root.
 */
function verifyChain(trust: TrustStore, chain: readonly X509Certificate[], now: Date): X509Certificate[] {
  const roots = ROOTS.get(trust)!;
  const valid = (c: X509Certificate, what: string): void => {
    const from = new Date(c.validFrom);
    const to = new Date(c.validTo);
    if (!(now >= from))
      throw new SignatureError('certificate', `${what} (${name(c)}) is not valid before ${from.toISOString()}`);
    if (!(now <= to)) throw new SignatureError('certificate', `${what} (${name(c)}) expired on ${to.toISOString()}`);
  };
  const path: X509Certificate[] = [];
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    const what = i === 0 ? 'the signing certificate' : `certificate ${i} of x5c`;
    const root = roots.find((r) => r.fingerprint256 === c.fingerprint256);
    if (root) {
      valid(root, 'the trusted root');
      path.push(root);
      return path;
    }
    valid(c, what);
    if (i > 0 && !c.ca)
      throw new SignatureError('certificate', `${what} (${name(c)}) issues certificates but is no CA`);
    path.push(c);
    const next = chain[i + 1];
    if (next) {
      if (!c.checkIssued(next) || !c.verify(next.publicKey))
        throw new SignatureError(
          'certificate',
          `${what} (${name(c)}) was not issued by the next certificate of x5c (${name(next)})`,
        );
      continue;
    }
    const issuer = roots.find((r) => c.checkIssued(r) && c.verify(r.publicKey));
    if (!issuer)
      throw new SignatureError(
        'certificate',
        `x5c does not lead to a trusted root: ${name(c)} was not issued by any of them`,
      );
    valid(issuer, 'the trusted root');
    path.push(issuer);
    return path;
  }
  throw new SignatureError('certificate', 'x5c is empty');
}

function decodeHeader(part: string): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(fromText(part, 'base64url')).toString('utf8'));
  } catch {
    throw new SignatureError('signature', 'the protected header is not base64url-encoded JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new SignatureError('signature', 'the protected header is no JSON object');
  return header as Record<string, unknown>;
}

/**
 * Verifies an `nlgov-adr-payload-sig` header over a `Digest` header: the JAdES header as above, the chain
 * in x5c up to a trusted root, and the signature with the signing certificate's key. Returns the chain,
 * signing certificate first and the root last.
 */
export async function verifyPayloadSignature(
  signature: string,
  digest: string,
  trust: TrustStore,
  now: Date,
): Promise<CertificateInfo[]> {
  if (signature.includes(',')) throw new SignatureError('signature', `${SIGNATURE_HEADER} appears more than once`);
  const parts = signature.trim().split('.');
  if (parts.length !== 3)
    throw new SignatureError('signature', `${SIGNATURE_HEADER} is no JWS in compact serialisation`);
  if (parts[1] !== '') throw new SignatureError('signature', `${SIGNATURE_HEADER} does not have detached content`);
  const header = decodeHeader(parts[0]!);
  if (header.alg !== 'PS256') throw new SignatureError('signature', `alg is ${JSON.stringify(header.alg)}, not PS256`);
  if (header.b64 !== false)
    throw new SignatureError('signature', 'b64 is not false, as the HttpHeaders mechanism requires');
  const crit = header.crit;
  if (!Array.isArray(crit) || !crit.includes('sigD') || !crit.includes('b64'))
    throw new SignatureError('signature', 'crit does not name b64 and sigD');
  const sigD = header.sigD as { mId?: unknown; pars?: unknown } | undefined;
  if (typeof sigD !== 'object' || sigD === null || sigD.mId !== HTTP_HEADERS)
    throw new SignatureError('signature', `sigD is not of the HttpHeaders mechanism (${HTTP_HEADERS})`);
  if (!Array.isArray(sigD.pars) || sigD.pars.length !== 1 || sigD.pars[0] !== 'digest')
    throw new SignatureError('signature', 'sigD.pars is not ["digest"]');
  const x5c = header.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((c) => typeof c === 'string'))
    throw new SignatureError('signature', 'x5c (the signing chain) is missing');
  const chain = x5c.map((c: string, i) => {
    try {
      return new X509Certificate(fromText(c, 'base64'));
    } catch {
      throw new SignatureError('certificate', `x5c[${i}] is not an X.509 certificate`);
    }
  });
  const leaf = chain[0]!;
  if (header['x5t#S256'] !== undefined && header['x5t#S256'] !== thumbprint(leaf))
    throw new SignatureError('signature', 'x5t#S256 is not the thumbprint of x5c[0]');
  const path = verifyChain(trust, chain, now);
  if (typeof header.sigT === 'string') {
    const sigT = new Date(header.sigT);
    if (Number.isNaN(sigT.getTime()))
      throw new SignatureError('signature', `sigT ${JSON.stringify(header.sigT)} is no time`);
    if (sigT < new Date(leaf.validFrom) || sigT > new Date(leaf.validTo))
      throw new SignatureError(
        'certificate',
        `the signing certificate (${name(leaf)}) was not valid at the claimed signing time ${header.sigT}`,
      );
  }
  try {
    await flattenedVerify({ protected: parts[0]!, payload: payload(digest), signature: parts[2]! }, leaf.publicKey, {
      algorithms: ['PS256'],
      crit: { sigD: true },
    });
  } catch (e) {
    throw new SignatureError(
      'signature',
      `the signature does not verify with the key of ${name(leaf)}: ${(e as Error).message}`,
    );
  }
  return path.map(info);
}
