import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type ProviderToken } from 'oidc-provider';
import type { DevClientRegistry } from './devClients.js';
import { MemoryAdapter } from './memoryAdapter.js';

export type SigningAlgorithm = 'RS256' | 'ES256';

export interface DevIssuerOptions {
  /** TCP port; 0 picks a free one. Default: 0. */
  port?: number;
  /** Interface to listen on. Default: '127.0.0.1'. */
  host?: string;
  /** The gateway's audience, put in every access token's `aud`. Default: 'lgsp-gateway'. */
  audience?: string;
  /** The demo clients and the scopes each may request (from config/partners.json). */
  registry: DevClientRegistry;
  /** Algorithm of the access tokens. Default: 'RS256' (Keycloak's default). */
  algorithm?: SigningAlgorithm;
  /** Lifetime of access tokens. Default: 300 s (Keycloak's default). */
  accessTokenTtlSeconds?: number;
  /** Realm roles put in `realm_access.roles`. Default: ['default-roles-lgsp']. */
  realmRoles?: string[];
}

export interface IssueTokenOptions {
  /** Scopes to request. Default: every scope the registry grants the client. */
  scopes?: string[];
}

export interface DevIssuer {
  /** The issuer identifier (`iss`), also the base of discovery: `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  audience: string;
  tokenEndpoint: string;
  /** The client secrets generated at start, per client id. */
  clientSecrets: Readonly<Record<string, string>>;
  /** Does a real client-credentials grant over loopback HTTP and returns the access token. */
  issueToken(clientId: string, options?: IssueTokenOptions): Promise<string>;
  /**
   * Signs any payload with the issuer's own current key. For negative tests only (expired, wrong audience, ID token
   * used as access token…): it proves the gateway checks the claims, not just the signature.
   */
  signWithIssuerKey(payload: JWTPayload, header?: { typ?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Keycloak's access tokens carry the roles of the realm and, per client, of that client. */
function keycloakClaims(token: ProviderToken, audience: string, realmRoles: string[]) {
  return {
    azp: token.clientId,
    typ: 'Bearer',
    realm_access: { roles: realmRoles },
    resource_access: { [audience]: { roles: [] as string[] } },
  };
}

async function generateSigningKey(algorithm: SigningAlgorithm) {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: algorithm, use: 'sig' };
  return { privateKey, jwk };
}

/**
 * A real OIDC issuer (oidc-provider) for development and tests: client-credentials grant, JWT access tokens shaped
 * like Keycloak's. Keys and client secrets are generated at every start and never written to the repository.
 */
export async function createDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> {
  const {
    host = '127.0.0.1',
    audience = 'lgsp-gateway',
    algorithm = 'RS256',
    accessTokenTtlSeconds = 300,
  } = options;
  const realmRoles = options.realmRoles ?? ['default-roles-lgsp'];
  const key = await generateSigningKey(algorithm);
  const clientSecrets: Record<string, string> = {};
  const allScopes = new Set<string>();
  const clients = Object.entries(options.registry.clients).map(([clientId, { scopes }]) => {
    clientSecrets[clientId] = randomBytes(32).toString('base64url');
    scopes.forEach((scope) => allScopes.add(scope));
    return {
      client_id: clientId,
      client_secret: clientSecrets[clientId],
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: scopes.join(' '),
      token_endpoint_auth_method: 'client_secret_basic',
    };
  });

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const resourceIndicator = `urn:lgsp:audience:${encodeURIComponent(audience)}`;
  const provider = new Provider(issuer, {
    adapter: MemoryAdapter,
    clients,
    jwks: { keys: [key.jwk] },
    scopes: ['openid', ...allScopes],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { ClientCredentials: accessTokenTtlSeconds },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Keycloak has no resource indicators: it adds the gateway audience by a mapper. Defaulting the resource to
        // the gateway gives the same tokens without clients having to send `resource`.
        // Resource indicators must be absolute URIs while Keycloak audiences are client ids, hence a URN.
        defaultResource: () => resourceIndicator,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== resourceIndicator) throw new Error(`unknown resource ${resource}`);
          return {
            scope: [...allScopes].join(' '),
            audience,
            accessTokenTTL: accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: algorithm } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx: unknown, token: ProviderToken) => keycloakClaims(token, audience, realmRoles),
  });
  server.on('request', provider.callback());

  const tokenEndpoint = `${issuer}/token`;
  return {
    issuer,
    audience,
    tokenEndpoint,
    clientSecrets,
    issueToken: (clientId, issueOptions = {}) => {
      const secret = clientSecrets[clientId];
      if (secret === undefined) return Promise.reject(new Error(`unknown demo client ${clientId}`));
      const scopes = issueOptions.scopes ?? options.registry.clients[clientId]?.scopes ?? [];
      return requestClientCredentialsToken({ tokenEndpoint, clientId, clientSecret: secret, scopes });
    },
    signWithIssuerKey: (payload, header = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: algorithm, kid: key.jwk.kid!, typ: header.typ ?? 'at+jwt' })
        .sign(key.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ClientCredentialsRequest {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  /** Scopes to request; empty requests none. */
  scopes: string[];
}

/** The OAuth2 client-credentials grant (RFC 6749 §4.4) with HTTP Basic client authentication. */
export async function requestClientCredentialsToken(request: ClientCredentialsRequest): Promise<string> {
  const basic = Buffer.from(
    `${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`,
  ).toString('base64');
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (request.scopes.length > 0) body.set('scope', request.scopes.join(' '));
  const response = await fetch(request.tokenEndpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const json = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || typeof json.access_token !== 'string') {
    throw new Error(
      `token request for ${request.clientId} failed: ${json.error ?? response.status} ${json.error_description ?? ''}`.trim(),
    );
  }
  return json.access_token;
}
