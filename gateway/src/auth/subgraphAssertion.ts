import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type JsonWebKey,
} from 'node:crypto';
import { GATEWAY_ASSERTION_ISSUER, GATEWAY_ASSERTION_TYPE, type GatewayAssertion } from '@lgsp/schema';
import type { AccessContext } from './accessRules.js';
import { scopesOf } from './principal.js';

export { GATEWAY_ASSERTION_HEADER } from '@lgsp/schema';

export interface SubgraphAssertionSignerOptions {
  /** The gateway's private Ed25519 JWK (with `kid`). Default: a key generated now (fine for one process, dev, tests). */
  privateJwk?: JsonWebKey;
  /** `iss` of assertions. Default: 'lgsp-gateway'. */
  issuer?: string;
  /** Lifetime of an assertion: long enough for one subgraph call, short enough to make replay useless. Default: 60 s. */
  ttlSeconds?: number;
}

export interface SubgraphAssertionSigner {
  /** The public half, to give the subgraphs (their `createGatewayAssertionVerifier({ keys })`). */
  publicJwks: { keys: JsonWebKey[] };
  /** The header value for one call to the subgraph `audience` on behalf of the request's principal. */
  sign(context: AccessContext, audience: string, requestId?: string): string;
}

/** A new Ed25519 key pair for assertions, as JWKs with a shared `kid`. */
export function generateAssertionKeyPair(): { privateJwk: JsonWebKey; publicJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = randomUUID();
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid } as JsonWebKey,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid } as JsonWebKey,
  };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs the verified principal for the subgraphs (see schema/src/gatewayAssertion.ts for the other side). */
export function createSubgraphAssertionSigner(
  options: SubgraphAssertionSignerOptions = {},
): SubgraphAssertionSigner {
  const privateJwk = options.privateJwk ?? generateAssertionKeyPair().privateJwk;
  const kid = (privateJwk as { kid?: unknown }).kid;
  if (typeof kid !== 'string' || privateJwk.crv !== 'Ed25519')
    throw new Error('the assertion key must be an Ed25519 JWK with a kid');
  const privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  const publicJwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid } as JsonWebKey;
  const issuer = options.issuer ?? GATEWAY_ASSERTION_ISSUER;
  const ttlSeconds = options.ttlSeconds ?? 60;
  const header = encode({ alg: 'EdDSA', typ: GATEWAY_ASSERTION_TYPE, kid });

  return {
    publicJwks: { keys: [publicJwk] },
    sign(context, audience, requestId) {
      const { principal } = context;
      const now = Math.floor(Date.now() / 1000);
      const claims: GatewayAssertion = {
        iss: issuer,
        aud: audience,
        iat: now,
        exp: now + ttlSeconds,
        jti: randomUUID(),
        principal: principal.kind,
        scope: [...scopesOf(principal)].sort(),
        ...(principal.kind === 'client'
          ? { azp: principal.clientId, sub: principal.subject, agency: principal.agency.code }
          : {}),
        ...(context.purpose === undefined ? {} : { purpose: context.purpose }),
        ...(context.caseId === undefined ? {} : { caseId: context.caseId }),
        ...(requestId === undefined ? {} : { rid: requestId }),
      };
      const signingInput = `${header}.${encode(claims)}`;
      return `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
    },
  };
}
