/**
 * The bearer token of OAuth 2.0's client credentials grant: a JWT of the authorisation server, verified with
 * jose against the server's JWKS (signature, `iss`, `aud`, `exp` and `nbf` with a little clock skew) and
 * checked for the scope the API asks (`read`, in `scope` as RFC 9068 has it, or in `scp`). What fails is
 * answered as the DDAS API's OpenAPI says, with an FSC error code (Fsc-Error-Code header and body):
 *
 * | what | status | Fsc-Error-Code |
 * |---|---|---|
 * | no `Authorization: Bearer` header | 401 | ERROR_CODE_ACCESS_TOKEN_MISSING |
 * | expired | 401 | ERROR_CODE_ACCESS_TOKEN_EXPIRED |
 * | not a JWT, a bad signature, an unknown key, another issuer or audience, not yet valid | 401 | ERROR_CODE_ACCESS_TOKEN_INVALID |
 * | valid, but without the scope | 403 | ERROR_CODE_ACCESS_TOKEN_INVALID (FSC has no code for a missing scope; its only other 403 code, ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN, is about FSC groups) |
 * | the JWKS cannot be fetched | 502 | ERROR_CODE_SERVICE_UNREACHABLE |
 *
 * A 401 carries `WWW-Authenticate: Bearer` with RFC 6750's error, a 403 `error="insufficient_scope"`.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { FscErrorCode, JsonWebKeySet, TokenClaims } from './types.js';

export interface TokenOptions {
  jwks: string | JsonWebKeySet;
  issuer: string | readonly string[];
  audience: string | readonly string[];
  scope: string;
  clockTolerance: number;
}

export type TokenOutcome =
  | { ok: true; claims: TokenClaims }
  | { ok: false; status: 401 | 403 | 502; code: FscErrorCode; detail: string; wwwAuthenticate?: string };

/** A verifier of `Authorization` headers. */
export function tokenVerifier(options: TokenOptions): (authorization: string | undefined) => Promise<TokenOutcome> {
  const keys: JWTVerifyGetKey =
    typeof options.jwks === 'string'
      ? createRemoteJWKSet(new URL(options.jwks))
      : createLocalJWKSet(options.jwks as unknown as JSONWebKeySet);
  const scope = options.scope;
  const invalid = (detail: string, error = 'invalid_token'): TokenOutcome => ({
    ok: false,
    status: 401,
    code: 'ERROR_CODE_ACCESS_TOKEN_INVALID',
    detail,
    wwwAuthenticate: `Bearer error="${error}", error_description="${detail.replace(/["\\]/g, '')}"`,
  });
  return async (authorization) => {
    const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(authorization ?? '');
    if (!authorization)
      return {
        ok: false,
        status: 401,
        code: 'ERROR_CODE_ACCESS_TOKEN_MISSING',
        detail: 'Het verzoek heeft geen access token (Authorization: Bearer).',
        wwwAuthenticate: 'Bearer',
      };
    if (!match) return invalid('De Authorization-header is geen Bearer-token.', 'invalid_request');
    let claims: TokenClaims;
    try {
      const r = await jwtVerify(match[1]!, keys, {
        issuer: options.issuer as string | string[],
        audience: options.audience as string | string[],
        clockTolerance: options.clockTolerance,
        requiredClaims: ['exp'],
      });
      claims = r.payload;
    } catch (e) {
      if (e instanceof errors.JWTExpired) {
        return {
          ok: false,
          status: 401,
          code: 'ERROR_CODE_ACCESS_TOKEN_EXPIRED',
          detail: 'Het access token is verlopen.',
          wwwAuthenticate: 'Bearer error="invalid_token", error_description="token expired"',
        };
      }
      if (e instanceof errors.JWTClaimValidationFailed)
        return invalid(`Het access token is ongeldig: claim ${e.claim} (${e.reason}).`);
      if (
        e instanceof errors.JWKSTimeout ||
        (e instanceof errors.JOSEError && e.code === 'ERR_JWKS_INVALID') ||
        !(e instanceof errors.JOSEError)
      ) {
        return {
          ok: false,
          status: 502,
          code: 'ERROR_CODE_SERVICE_UNREACHABLE',
          detail: 'De sleutels van de autorisatieserver (JWKS) zijn niet te lezen.',
        };
      }
      return invalid(`Het access token is ongeldig: ${e.message}.`);
    }
    const granted =
      typeof claims.scope === 'string'
        ? claims.scope.split(' ')
        : Array.isArray(claims.scp)
          ? (claims.scp as unknown[])
          : [];
    if (!granted.includes(scope)) {
      return {
        ok: false,
        status: 403,
        code: 'ERROR_CODE_ACCESS_TOKEN_INVALID',
        detail: `Het access token geeft geen scope ${scope}.`,
        wwwAuthenticate: `Bearer error="insufficient_scope", scope="${scope}"`,
      };
    }
    return { ok: true, claims };
  };
}
