import type { IncomingHttpHeaders } from 'node:http';
import type { JsonWebKey } from 'node:crypto';
import {
  createGatewayAssertionVerifier,
  GATEWAY_ASSERTION_HEADER,
  GatewayAssertionError,
  type GatewayAssertion,
} from '@lgsp/schema';
import type { Logger } from 'pino';

/** The caller as the gateway vouches for it; `undefined` when the subgraph runs without gateway keys (dev, tests). */
export type Principal = GatewayAssertion | undefined;

export interface GatewayTrustOptions {
  /** The gateway's public Ed25519 JWKs (with `kid`): the gateway signer's `publicJwks.keys`. */
  keys: readonly JsonWebKey[];
  /** Expected `iss`. Default `lgsp-gateway`. */
  issuer?: string;
  /** Default 5 s. */
  clockToleranceSeconds?: number;
}

/**
 * Returns the check every GraphQL request goes through. With `trust`, a request without a valid assertion addressed
 * to this subgraph throws `GatewayAssertionError` (answered 401 UNAUTHENTICATED, reason logged at warn). Without
 * `trust`, every request passes with no principal.
 */
export function createAuthenticate(
  subgraph: string,
  trust: GatewayTrustOptions | undefined,
  log: Logger,
): (headers: IncomingHttpHeaders, requestId: string) => Principal {
  if (!trust) return () => undefined;
  const verifier = createGatewayAssertionVerifier({ ...trust, audience: subgraph });
  return (headers, requestId) => {
    const value = headers[GATEWAY_ASSERTION_HEADER];
    try {
      return verifier.verify(Array.isArray(value) ? value[0] : value);
    } catch (error) {
      if (error instanceof GatewayAssertionError) {
        log.warn({ requestId, failure: error.failure }, 'request refused: no valid gateway assertion');
      }
      throw error;
    }
  };
}
