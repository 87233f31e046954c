import { readFileSync } from 'node:fs';
import type { JsonWebKey } from 'node:crypto';
import type { GatewayTrustOptions } from './gatewayPrincipal.js';

/**
 * Reads the gateway's public assertion keys from a JWKS file (`{ "keys": [<Ed25519 JWK with kid>, …] }`, the public
 * half of the gateway's `auth.subgraphAssertion.privateKeyFile`), for a subgraph's `gatewayTrust`. Several keys let
 * the gateway rotate its key without refusing calls. Throws with the file name when it is unreadable or not a JWKS,
 * so a subgraph never starts open by mistake when it was told to trust a key.
 */
export function readGatewayTrust(file: string): GatewayTrustOptions {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`gateway keys file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  const valid =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every(
      (key: { kty?: unknown; crv?: unknown; x?: unknown; kid?: unknown; d?: unknown }) =>
        key?.kty === 'OKP' &&
        key.crv === 'Ed25519' &&
        typeof key.x === 'string' &&
        typeof key.kid === 'string' &&
        key.d === undefined,
    );
  if (!valid) {
    throw new Error(`gateway keys file ${file}: expected { "keys": [public Ed25519 JWKs with kid] }`);
  }
  return { keys: keys as JsonWebKey[] };
}
