import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Trust between the gateway and the subgraphs (DESIGN.md §3). The gateway verifies the caller's token, then sends each
 * subgraph the verified principal as a short-lived JWT it signs itself (EdDSA, Ed25519), addressed to that subgraph.
 * A subgraph verifies it with the gateway's public key and refuses any request without a valid one, so calling a
 * subgraph directly, around the gateway, yields nothing. Verification uses node:crypto only, so any subgraph can
 * import this without the gateway's dependencies.
 */

/** The request header that carries the assertion. */
export const GATEWAY_ASSERTION_HEADER = 'x-lgsp-gateway-assertion';
/** The JWS `typ` of assertions, so no other JWT signed by the same key can pass as one. */
export const GATEWAY_ASSERTION_TYPE = 'lgsp-principal+jwt';
/** Default issuer name of assertions. */
export const GATEWAY_ASSERTION_ISSUER = 'lgsp-gateway';

/** What the gateway asserts about the caller of one request. */
export interface GatewayAssertion {
  iss: string;
  /** The subgraph the assertion is addressed to (its name in the supergraph). */
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  /** `client` for a verified token, `anonymous` in the gateway's optional mode. */
  principal: 'client' | 'anonymous';
  /** OAuth2 client id (the token's `azp`). */
  azp?: string;
  /** The token's subject. */
  sub?: string;
  /** The agency code from the partner registry. */
  agency?: string;
  /** Effective scopes (the token's, bounded by the registry). */
  scope: string[];
  /** The declared, allowed purpose (`X-Purpose`). */
  purpose?: string;
  /** The case the request serves (`X-Case-Id`). */
  caseId?: string;
  /** The gateway's request id. */
  rid?: string;
}

/** Why an assertion was refused; stable, for logs and tests. */
export type GatewayAssertionFailure =
  | 'ASSERTION_MISSING'
  | 'ASSERTION_MALFORMED'
  | 'ASSERTION_KEY_UNKNOWN'
  | 'ASSERTION_SIGNATURE_INVALID'
  | 'ASSERTION_EXPIRED'
  | 'ASSERTION_WRONG_ISSUER'
  | 'ASSERTION_WRONG_AUDIENCE';

export class GatewayAssertionError extends Error {
  /** Subgraphs answer with this client-visible code (never with the failure, which stays in their logs). */
  readonly code = 'UNAUTHENTICATED';
  constructor(readonly failure: GatewayAssertionFailure) {
    super(`request did not come through the gateway (${failure})`);
    this.name = 'GatewayAssertionError';
  }
}

export interface GatewayAssertionVerifierOptions {
  /** The gateway's public keys (Ed25519 JWKs with `kid`). */
  keys: readonly JsonWebKey[];
  /** This subgraph's name, the expected `aud`. */
  audience: string;
  /** Expected `iss`. Default: {@link GATEWAY_ASSERTION_ISSUER}. */
  issuer?: string;
  /** Clock skew tolerated on `exp`/`iat`. Default: 5 s. */
  clockToleranceSeconds?: number;
  /** Header values longer than this are refused unparsed. Default: 8192. */
  maxLength?: number;
}

export interface GatewayAssertionVerifier {
  /** Verifies the header value; returns the assertion or throws a {@link GatewayAssertionError}. */
  verify(headerValue: string | null | undefined, nowSeconds?: number): GatewayAssertion;
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isAssertion(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & GatewayAssertion {
  return (
    typeof payload['iss'] === 'string' &&
    typeof payload['aud'] === 'string' &&
    typeof payload['exp'] === 'number' &&
    typeof payload['iat'] === 'number' &&
    (payload['principal'] === 'client' || payload['principal'] === 'anonymous') &&
    Array.isArray(payload['scope']) &&
    payload['scope'].every((scope) => typeof scope === 'string')
  );
}

/** Builds a subgraph's verifier of gateway assertions. */
export function createGatewayAssertionVerifier(
  options: GatewayAssertionVerifierOptions,
): GatewayAssertionVerifier {
  const keys = new Map<string, KeyObject>();
  for (const jwk of options.keys) {
    const kid = (jwk as { kid?: unknown }).kid;
    if (typeof kid !== 'string' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.d !== undefined) {
      throw new Error('gateway assertion keys must be public Ed25519 JWKs with a kid');
    }
    keys.set(kid, createPublicKey({ key: jwk, format: 'jwk' }));
  }
  const issuer = options.issuer ?? GATEWAY_ASSERTION_ISSUER;
  const tolerance = options.clockToleranceSeconds ?? 5;
  const maxLength = options.maxLength ?? 8192;

  return {
    verify(headerValue, nowSeconds = Math.floor(Date.now() / 1000)) {
      if (headerValue === null || headerValue === undefined || headerValue === '') {
        throw new GatewayAssertionError('ASSERTION_MISSING');
      }
      const parts = headerValue.length > maxLength ? [] : headerValue.split('.');
      if (parts.length !== 3) throw new GatewayAssertionError('ASSERTION_MALFORMED');
      const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
      const header = decodeJson(encodedHeader);
      const payload = decodeJson(encodedPayload);
      // The algorithm is fixed, never taken from the token: `alg: none` or HS256 cannot get through.
      if (header?.['alg'] !== 'EdDSA' || header['typ'] !== GATEWAY_ASSERTION_TYPE || payload === undefined) {
        throw new GatewayAssertionError('ASSERTION_MALFORMED');
      }
      const key = typeof header['kid'] === 'string' ? keys.get(header['kid']) : undefined;
      if (key === undefined) throw new GatewayAssertionError('ASSERTION_KEY_UNKNOWN');
      const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
      if (!verify(null, signed, key, Buffer.from(signature, 'base64url'))) {
        throw new GatewayAssertionError('ASSERTION_SIGNATURE_INVALID');
      }
      if (!isAssertion(payload)) throw new GatewayAssertionError('ASSERTION_MALFORMED');
      if (payload.iss !== issuer) throw new GatewayAssertionError('ASSERTION_WRONG_ISSUER');
      if (payload.aud !== options.audience) throw new GatewayAssertionError('ASSERTION_WRONG_AUDIENCE');
      if (payload.exp + tolerance <= nowSeconds || payload.iat - tolerance > nowSeconds) {
        throw new GatewayAssertionError('ASSERTION_EXPIRED');
      }
      return payload;
    },
  };
}
