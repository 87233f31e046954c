import { signClientAssertion, type PrivateKeyJwt } from './clientAssertion.js';
import { clientError } from './errors.js';

/** Asks the caller's own code for a token; `forceRefresh` is true after the gateway refused the previous one. */
export type GetToken = (options: { forceRefresh: boolean }) => Promise<string>;

export interface ClientCredentialsOptions {
  /** The OAuth2 client id (the partner registry key, the token's `azp`). */
  clientId: string;
  /** Client secret, sent with HTTP Basic (Keycloak's `client_secret_basic`). */
  clientSecret?: string;
  /** Or a private key for `private_key_jwt` (RFC 7523), so no shared secret exists. */
  privateKeyJwt?: PrivateKeyJwt;
  /** The token endpoint; or give `issuer` and it is read from OIDC discovery. */
  tokenEndpoint?: string;
  /** The issuer (`https://id.example.gov.vn/realms/lgsp`); discovery at `<issuer>/.well-known/openid-configuration`. */
  issuer?: string;
  /** Scopes to request. Default: none (the client's default scopes, as Keycloak grants them). */
  scopes?: readonly string[];
  /**
   * Renew this long before expiry, so a token never expires in flight. Default: 30 s, but at most half the token's
   * lifetime (a 10-second token is renewed after 5 s).
   */
  refreshBeforeExpirySeconds?: number;
  /** The fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Clock, for tests. Default: Date.now. */
  now?: () => number;
}

export interface TokenProvider {
  /** A valid access token: the cached one, or a new one when it is near expiry or `forceRefresh` is set. */
  token(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Token requests made so far (for diagnostics). */
  readonly requests: number;
}

interface CachedToken {
  value: string;
  /** When to renew, epoch ms. */
  renewAtMs: number;
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function discoverTokenEndpoint(issuer: string, fetchFn: typeof fetch): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw clientError('TOKEN_REQUEST_FAILED', `OIDC discovery at ${url} is unreachable`, {}, cause);
  }
  const document = await readJson(response);
  const endpoint = document['token_endpoint'];
  if (!response.ok || typeof endpoint !== 'string') {
    throw clientError('TOKEN_REQUEST_FAILED', `OIDC discovery at ${url} gave no token_endpoint`, {
      status: response.status,
    });
  }
  return endpoint;
}

/** Form body and headers of a client-credentials request, for either client authentication method. */
async function grantRequest(options: ClientCredentialsOptions, tokenEndpoint: string): Promise<RequestInit> {
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (options.scopes !== undefined && options.scopes.length > 0) body.set('scope', options.scopes.join(' '));
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (options.privateKeyJwt !== undefined) {
    body.set('client_id', options.clientId);
    body.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    body.set(
      'client_assertion',
      await signClientAssertion(options.privateKeyJwt, options.clientId, tokenEndpoint),
    );
  } else {
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
    const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret ?? '')}`;
    headers['authorization'] = `Basic ${btoa(pair)}`;
  }
  return { method: 'POST', headers, body };
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4) with a cache: one token request at a time (concurrent callers share
 * it), renewed before expiry. Secrets and tokens never appear in error messages.
 */
export function createClientCredentialsProvider(options: ClientCredentialsOptions): TokenProvider {
  if ((options.clientSecret === undefined) === (options.privateKeyJwt === undefined)) {
    throw new TypeError('give exactly one of clientSecret and privateKeyJwt');
  }
  if (options.tokenEndpoint === undefined && options.issuer === undefined) {
    throw new TypeError('give tokenEndpoint or issuer');
  }
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const margin = options.refreshBeforeExpirySeconds ?? 30;
  let endpoint: Promise<string> | undefined;
  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;
  let requests = 0;

  const fetchToken = async (): Promise<string> => {
    endpoint ??= options.tokenEndpoint
      ? Promise.resolve(options.tokenEndpoint)
      : discoverTokenEndpoint(options.issuer!, fetchFn);
    const tokenEndpoint = await endpoint.catch((error: unknown) => {
      endpoint = undefined; // retry discovery next time
      throw error;
    });
    requests += 1;
    const requestedAt = now();
    let response: Response;
    try {
      response = await fetchFn(tokenEndpoint, await grantRequest(options, tokenEndpoint));
    } catch (cause) {
      throw clientError('TOKEN_REQUEST_FAILED', `token endpoint ${tokenEndpoint} is unreachable`, {}, cause);
    }
    const body = await readJson(response);
    const token = body['access_token'];
    if (!response.ok || typeof token !== 'string') {
      const oauthError = typeof body['error'] === 'string' ? body['error'] : `HTTP ${response.status}`;
      throw clientError(
        'TOKEN_REQUEST_FAILED',
        `token request for ${options.clientId} failed: ${oauthError}`,
        {
          status: response.status,
        },
      );
    }
    const lifetimeSeconds = Number(body['expires_in']);
    const lifetime = Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0 ? lifetimeSeconds : 60;
    const renewIn = lifetime - Math.min(margin, lifetime / 2);
    cached = { value: token, renewAtMs: requestedAt + renewIn * 1000 };
    return token;
  };

  return {
    get requests() {
      return requests;
    },
    async token({ forceRefresh = false } = {}) {
      if (!forceRefresh && cached !== undefined && now() < cached.renewAtMs) return cached.value;
      if (forceRefresh) cached = undefined;
      inFlight ??= fetchToken().finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}

/** Wraps the caller's own `getToken` in the same interface. */
export function createCallbackProvider(getToken: GetToken): TokenProvider {
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    token: ({ forceRefresh = false } = {}) => {
      requests += 1;
      return getToken({ forceRefresh });
    },
  };
}
