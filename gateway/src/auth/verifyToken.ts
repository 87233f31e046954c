import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type ProtectedHeaderParameters,
} from 'jose';
import type { PartnerClient } from './partnerRegistry.js';
import type { ClientPrincipal } from './principal.js';
import { TokenError, type TokenFailureReason } from './tokenError.js';

/** Asymmetric JWS algorithms only: HS* would let anyone holding the (public) key forge tokens, `none` anyone at all. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

/** Header `typ` values of access tokens (RFC 9068, and Keycloak's plain `JWT`). */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);
/** Claims only ID tokens carry (OIDC Core §2, §3.3.2.11). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'];

export interface TokenVerifierOptions {
  /** The trusted issuer, compared exactly with `iss` and with the discovery document's `issuer`. */
  issuer: string;
  /** The gateway's audience; `aud` must contain it. */
  audience: string;
  /** Looks a client up in the partner registry; undefined means unknown. */
  client: (clientId: string) => PartnerClient | undefined;
  /** JWKS URL; when absent it comes from `${issuer}/.well-known/openid-configuration`. */
  jwksUri?: string;
  /** Key source for in-process tests (e.g. jose's `createLocalJWKSet`); replaces discovery and JWKS. */
  keys?: JWTVerifyGetKey;
  /** Allowed algorithms; symmetric ones are rejected at construction. Default: {@link ASYMMETRIC_ALGORITHMS}. */
  algorithms?: readonly string[];
  /** Clock skew tolerated on `exp`/`nbf`/`iat`. Default: 30 s. */
  clockToleranceSeconds?: number;
  /** Tokens longer than this are refused before any parsing. Default: 8192 bytes. */
  maxTokenBytes?: number;
  /**
   * Minimum time between two JWKS refetches caused by an unknown `kid`, so a flood of bad kids cannot hammer the
   * issuer. Default: 30000 ms.
   */
  jwksCooldownMs?: number;
  /** JWKS (and discovery) request timeout. Default: 5000 ms. */
  jwksTimeoutMs?: number;
  /** The client whose `resource_access` roles count as scopes. Default: the audience. */
  rolesClientId?: string;
}

export interface TokenVerifier {
  /** Verifies a bearer token; resolves the principal or throws a {@link TokenError}. */
  verify(token: string): Promise<ClientPrincipal>;
}

/** Our code for a discovery or JWKS request that failed outside jose. */
const ISSUER_UNREACHABLE = 'LGSP_ISSUER_UNREACHABLE';

function fail(reason: TokenFailureReason, cause?: unknown): never {
  throw new TokenError(reason, { cause });
}

/** Maps jose's stable error codes to our reasons. */
function reasonOf(error: unknown): TokenFailureReason {
  const { code, claim } = error as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'TOKEN_EXPIRED';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf' || claim === 'iat') return 'TOKEN_NOT_YET_VALID';
      if (claim === 'iss') return 'TOKEN_ISSUER_INVALID';
      if (claim === 'aud') return 'TOKEN_AUDIENCE_INVALID';
      return 'TOKEN_CLAIMS_INVALID';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'TOKEN_ALGORITHM_NOT_ALLOWED';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'TOKEN_SIGNATURE_INVALID';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'TOKEN_KEY_UNKNOWN';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case ISSUER_UNREACHABLE:
      return 'ISSUER_UNAVAILABLE';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'TOKEN_MALFORMED';
    default:
      return 'TOKEN_MALFORMED';
  }
}

/**
 * Resolves the JWKS URL from OIDC discovery once; a failed discovery is retried on the next request instead of
 * being cached, so the gateway recovers when the issuer comes back.
 */
function createDiscoveredKeys(options: TokenVerifierOptions): JWTVerifyGetKey {
  const timeoutDuration = options.jwksTimeoutMs ?? 5000;
  const cooldownDuration = options.jwksCooldownMs ?? 30_000;
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    let jwksUri = options.jwksUri;
    if (jwksUri === undefined) {
      const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutDuration) });
      if (!response.ok) throw new TypeError(`discovery answered ${response.status}`);
      const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      // OIDC Discovery §4.3: the document must name the very issuer we trust.
      if (document.issuer !== options.issuer || typeof document.jwks_uri !== 'string') {
        throw new TypeError('discovery document does not match the configured issuer');
      }
      jwksUri = document.jwks_uri;
    }
    return createRemoteJWKSet(new URL(jwksUri), { timeoutDuration, cooldownDuration });
  };
  return async (header, token) => {
    keys ??= discover().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    try {
      return await (
        await keys
      )(header, token);
    } catch (error) {
      // jose's own errors say what is wrong with the token or the key set; anything else (a refused connection,
      // a failed discovery) means the issuer could not be reached.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && /^ERR_J(WKS|WS|WT|OSE)_/.test(code)) throw error;
      throw Object.assign(new Error('the issuer could not be reached', { cause: error }), {
        code: ISSUER_UNREACHABLE,
      });
    }
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Scopes (`scope`) plus realm roles and the gateway client's roles, as Keycloak carries them. */
function claimedScopes(payload: JWTPayload, rolesClientId: string): Set<string> {
  const scopes = new Set(
    typeof payload['scope'] === 'string' ? payload['scope'].split(' ').filter(Boolean) : [],
  );
  const realm = payload['realm_access'] as { roles?: unknown } | undefined;
  stringList(realm?.roles).forEach((role) => scopes.add(role));
  const resource = payload['resource_access'] as Record<string, { roles?: unknown }> | undefined;
  const ownClient =
    resource !== undefined && Object.hasOwn(resource, rolesClientId) ? resource[rolesClientId] : undefined;
  stringList(ownClient?.roles).forEach((role) => scopes.add(role));
  return scopes;
}

function checkHeader(header: ProtectedHeaderParameters, algorithms: ReadonlySet<string>): void {
  if (typeof header.alg !== 'string' || !algorithms.has(header.alg)) fail('TOKEN_ALGORITHM_NOT_ALLOWED');
  if (header.typ !== undefined && !ACCESS_TOKEN_TYPES.has(header.typ.toLowerCase()))
    fail('TOKEN_NOT_ACCESS_TOKEN');
  // Keys come from the issuer's JWKS only, never from the token itself.
  if (
    header.jwk !== undefined ||
    header.jku !== undefined ||
    header.x5u !== undefined ||
    header.x5c !== undefined
  ) {
    fail('TOKEN_KEY_UNKNOWN');
  }
}

function toPrincipal(payload: JWTPayload, options: TokenVerifierOptions): ClientPrincipal {
  if (typeof payload['typ'] === 'string' && payload['typ'] !== 'Bearer') fail('TOKEN_NOT_ACCESS_TOKEN');
  if (ID_TOKEN_CLAIMS.some((claim) => payload[claim] !== undefined)) fail('TOKEN_NOT_ACCESS_TOKEN');
  const azp = payload['azp'] ?? payload['client_id'];
  if (typeof azp !== 'string' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
    fail('TOKEN_CLAIMS_INVALID');
  }
  if (payload['client_id'] !== undefined && payload['client_id'] !== azp) fail('TOKEN_CLAIMS_INVALID');
  const client = options.client(azp);
  if (client === undefined) fail('CLIENT_UNKNOWN');
  const claimed = claimedScopes(payload, options.rolesClientId ?? options.audience);
  return {
    kind: 'client',
    clientId: azp,
    subject: payload.sub,
    agency: { ...client.agency },
    scopes: new Set(client.scopes.filter((scope) => claimed.has(scope))),
    purposesAllowed: [...client.purposes],
    personalData: client.personalData,
    introspection: client.introspection,
    onUnauthorizedFields: client.onUnauthorizedFields,
    operations: client.operations,
    ...(typeof payload.jti === 'string' ? { tokenId: payload.jti } : {}),
    expiresAt: payload.exp,
  };
}

/** Builds the verifier of the gateway's bearer tokens (DESIGN.md §3). */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const algorithms = [...(options.algorithms ?? ASYMMETRIC_ALGORITHMS)];
  const symmetric = algorithms.filter((alg) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg));
  if (symmetric.length > 0)
    throw new Error(`only asymmetric algorithms may verify tokens, not ${symmetric.join(', ')}`);
  const allowed = new Set(algorithms);
  const maxTokenBytes = options.maxTokenBytes ?? 8192;
  const keys = options.keys ?? createDiscoveredKeys(options);

  return {
    async verify(token) {
      if (token.length > maxTokenBytes) fail('TOKEN_TOO_LARGE');
      let header: ProtectedHeaderParameters;
      try {
        header = decodeProtectedHeader(token);
      } catch (error) {
        fail('TOKEN_MALFORMED', error);
      }
      checkHeader(header, allowed);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        fail(reasonOf(error), error);
      }
      return toPrincipal(payload, options);
    },
  };
}
