/**
 * The exchange API's cryptography for its tests and benchmark, all made here and nothing from outside: a PKI
 * (a root, an intermediate CA, signing certificates that are valid, expired, or under another root) and an
 * authorisation server's key set and its tokens.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY = 86_400_000;

export interface Signer {
  /** PKCS#8 PEM. */
  key: string;
  /** Signing certificate first, then the intermediate: PEM. */
  chain: string[];
}

export interface Pki {
  root: string;
  /** Signed under the root, valid now. */
  valid: Signer;
  /** Signed under the root, expired yesterday. */
  expired: Signer;
  /** Valid, but under a root the client does not trust. */
  foreign: Signer;
}

async function keys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
}

let serial = 1;

async function ca(
  name: string,
  issuer?: { cert: x509.X509Certificate; key: CryptoKey },
): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
  const k = await keys();
  const extensions = [
    new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  const notBefore = new Date(Date.now() - 30 * DAY);
  const notAfter = new Date(Date.now() + 3650 * DAY);
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        serialNumber: String(serial++).padStart(2, '0'),
        subject: name,
        issuer: issuer.cert.subject,
        notBefore,
        notAfter,
        signingAlgorithm: RSA,
        publicKey: k.publicKey,
        signingKey: issuer.key,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: String(serial++).padStart(2, '0'),
        name,
        notBefore,
        notAfter,
        signingAlgorithm: RSA,
        keys: k,
        extensions,
      });
  return { cert, key: k.privateKey };
}

async function leaf(
  name: string,
  issuer: { cert: x509.X509Certificate; key: CryptoKey },
  notBefore: Date,
  notAfter: Date,
): Promise<Signer> {
  const k = await keys();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: String(serial++).padStart(2, '0'),
    subject: name,
    issuer: issuer.cert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: RSA,
    publicKey: k.publicKey,
    signingKey: issuer.key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    ],
  });
  return { key: await pem(k.privateKey), chain: [cert.toString('pem'), issuer.cert.toString('pem')] };
}

/** A root with an intermediate CA and signing certificates under it, and a second PKI the client does not trust. */
export async function makePki(): Promise<Pki> {
  const root = await ca('CN=Test Staat der Nederlanden Root CA, O=mimgen test');
  const intermediate = await ca('CN=Test Organisatie CA, O=mimgen test', root);
  const now = Date.now();
  const valid = await leaf(
    'CN=Leverancier BV, O=mimgen test',
    intermediate,
    new Date(now - DAY),
    new Date(now + 365 * DAY),
  );
  const expired = await leaf(
    'CN=Leverancier BV (verlopen), O=mimgen test',
    intermediate,
    new Date(now - 30 * DAY),
    new Date(now - DAY),
  );
  const otherRoot = await ca('CN=Andere Root CA, O=elders');
  const otherIntermediate = await ca('CN=Andere CA, O=elders', otherRoot);
  const foreign = await leaf(
    'CN=Leverancier BV, O=mimgen test',
    otherIntermediate,
    new Date(now - DAY),
    new Date(now + 365 * DAY),
  );
  return { root: root.cert.toString('pem'), valid, expired, foreign };
}

export const ISSUER = 'https://auth.gegevensuitwissel.test';
export const AUDIENCE = 'https://api.gemeente.test/v1/gegevens';

export interface Authority {
  jwks: { keys: JWK[] };
  /** A token for the API: scope read, valid for five minutes, unless `claims` say otherwise. */
  token(
    claims?: Record<string, unknown>,
    options?: { expiresIn?: string | number; audience?: string; issuer?: string; key?: 'own' | 'foreign' },
  ): Promise<string>;
}

/** The authorisation server: an RSA key with its JWKS, and tokens of the client credentials grant signed with it. */
export async function makeAuthority(): Promise<Authority> {
  const own = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(own.publicKey)), kid: 'auth-1', alg: 'RS256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    async token(claims = {}, options = {}) {
      return new SignJWT({ scope: 'read', client_id: 'cbs', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'auth-1', typ: 'at+jwt' })
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setSubject('cbs')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key === 'foreign' ? foreign.privateKey : own.privateKey);
    },
  };
}
