import { clientError, isLgspError, type LgspError } from './errors.js';
import {
  requestBody,
  type DocumentMode,
  type OperationDocument,
  type VariablesArgument,
} from './operation.js';
import { parseResponse, type ExecutionOutcome } from './parseResponse.js';
import { subscribeOverSse } from './subscribeOverSse.js';
import {
  createCallbackProvider,
  createClientCredentialsProvider,
  type ClientCredentialsOptions,
  type GetToken,
  type TokenProvider,
} from './tokenProvider.js';

export interface ClientOptions extends Partial<Omit<ClientCredentialsOptions, 'fetch'>> {
  /** The gateway's GraphQL endpoint, e.g. `https://lgsp.example.gov.vn/graphql`. */
  endpoint: string;
  /** Your own token source instead of client credentials (a browser app behind its own login). Default: none. */
  getToken?: GetToken;
  /** Purpose code sent as `X-Purpose` on every request (e.g. `PUBLIC_HEALTH`). Default: none (personal data masked). */
  purpose?: string;
  /** Case id sent as `X-Case-Id` with the purpose, for the audit trail. Default: none. */
  caseId?: string;
  /** How documents travel (see {@link DocumentMode}). Default: 'persistedWithFallback'. */
  documentMode?: DocumentMode;
  /** Extra headers on every request. Default: none. */
  headers?: Record<string, string>;
  /** Time allowed for one HTTP exchange with the gateway. Default: 30000 ms. */
  timeoutMs?: number;
  /** Response header holding the gateway's request id. Default: 'x-request-id'. */
  requestIdHeader?: string;
  /** The fetch to use (instrumentation, proxies). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Overrides the client's purpose for this request. */
  purpose?: string;
  /** Overrides the client's case id for this request. */
  caseId?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface LgspClient {
  /** Runs an operation; returns its data, or throws the first {@link LgspError} if anything failed. */
  request<R, V>(
    document: OperationDocument<R, V>,
    ...args: [...VariablesArgument<V>, RequestOptions?]
  ): Promise<R>;
  /** Runs an operation and returns data and errors side by side (partial results stay usable). */
  execute<R, V>(
    document: OperationDocument<R, V>,
    ...args: [...VariablesArgument<V>, RequestOptions?]
  ): Promise<ExecutionOutcome<R>>;
  /** Subscribes over Server-Sent Events (GraphQL over SSE, distinct connections); stop with `return()` or the signal. */
  subscribe<R, V>(
    document: OperationDocument<R, V>,
    ...args: [...VariablesArgument<V>, RequestOptions?]
  ): AsyncIterableIterator<ExecutionOutcome<R>>;
  /** The token source, when the client has one (for diagnostics: `tokens.requests`). */
  readonly tokens: TokenProvider | undefined;
}

function tokenProviderOf(options: ClientOptions, fetchFn: typeof fetch): TokenProvider | undefined {
  if (options.getToken !== undefined) return createCallbackProvider(options.getToken);
  if (options.clientId === undefined) return undefined; // anonymous: the open-data contract, where allowed
  const { clientId, clientSecret, privateKeyJwt, tokenEndpoint, issuer, scopes, refreshBeforeExpirySeconds } =
    options;
  return createClientCredentialsProvider({
    clientId,
    fetch: fetchFn,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...(privateKeyJwt !== undefined ? { privateKeyJwt } : {}),
    ...(tokenEndpoint !== undefined ? { tokenEndpoint } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(scopes !== undefined ? { scopes } : {}),
    ...(refreshBeforeExpirySeconds !== undefined ? { refreshBeforeExpirySeconds } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
}

const hasCode = (outcome: ExecutionOutcome<unknown>, code: LgspError['code']) =>
  outcome.errors.some((error) => error.code === code);

/** A client of the hub: tokens, trusted documents, purposes and typed errors handled for the caller. */
export function createClient(options: ClientOptions): LgspClient {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokens = tokenProviderOf(options, fetchFn);
  const mode = options.documentMode ?? 'persistedWithFallback';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const requestIdHeader = options.requestIdHeader ?? 'x-request-id';

  const headersFor = async (request: RequestOptions, forceRefresh: boolean, accept: string) => {
    const headers: Record<string, string> = {
      ...options.headers,
      ...request.headers,
      'content-type': 'application/json',
      accept,
    };
    if (tokens !== undefined) headers['authorization'] = `Bearer ${await tokens.token({ forceRefresh })}`;
    const purpose = request.purpose ?? options.purpose;
    const caseId = request.caseId ?? options.caseId;
    if (purpose !== undefined) headers['x-purpose'] = purpose;
    if (caseId !== undefined) headers['x-case-id'] = caseId;
    return headers;
  };

  /**
   * One POST. The timeout bounds the whole exchange, body included; for a subscription (`streaming`) only the wait
   * for the response headers, since the stream lives as long as the caller wants.
   */
  const post = async (
    body: unknown,
    request: RequestOptions,
    forceRefresh: boolean,
    accept: string,
    streaming = false,
  ) => {
    // AbortSignal.timeout does not keep Node's event loop alive; a subscription's timer is cleared on headers.
    const streamTimeout = streaming ? new AbortController() : undefined;
    const timer = streamTimeout ? setTimeout(() => streamTimeout.abort(), timeoutMs) : undefined;
    const timeout = streamTimeout?.signal ?? AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      return await fetchFn(options.endpoint, {
        method: 'POST',
        headers: await headersFor(request, forceRefresh, accept),
        body: JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      if (isLgspError(cause)) throw cause; // the token request failed: already typed
      if (request.signal?.aborted) throw cause;
      const message = timeout.aborted
        ? `no answer from the gateway within ${timeoutMs} ms`
        : 'the gateway is unreachable';
      throw clientError('NETWORK_ERROR', message, {}, cause);
    } finally {
      clearTimeout(timer);
    }
  };

  /** One exchange, with the single retry on a refused token (a token revoked or expired in flight). */
  const exchange = async <R>(body: unknown, request: RequestOptions) => {
    const accept = 'application/graphql-response+json, application/json';
    const once = async (forceRefresh: boolean) => {
      const response = await post(body, request, forceRefresh, accept);
      return parseResponse<R>(response, requestIdHeader).catch((cause: unknown) => {
        throw clientError('NETWORK_ERROR', `the answer was cut off or took over ${timeoutMs} ms`, {}, cause);
      });
    };
    let outcome = await once(false);
    if (tokens !== undefined && (outcome.status === 401 || hasCode(outcome, 'UNAUTHENTICATED'))) {
      outcome = await once(true);
    }
    return outcome;
  };

  const split = (args: unknown[]): [unknown, RequestOptions] => [args[0], (args[1] ?? {}) as RequestOptions];

  // Cleared when the gateway turns out not to read hash-only requests at all (then every request sends the text).
  let gatewayReadsHashes = true;

  const execute = async <R, V>(document: OperationDocument<R, V>, ...args: unknown[]) => {
    const [variables, request] = split(args);
    const byHash = mode === 'persisted' || (mode === 'persistedWithFallback' && gatewayReadsHashes);
    let outcome = await exchange<R>(requestBody(document, variables, byHash), request);
    if (byHash && mode === 'persistedWithFallback') {
      // Like Apollo's persisted-queries link: a 400 without the APQ code means the gateway has no persisted
      // documents feature; stop hashing rather than paying a failed round trip on every request.
      const unsupported = outcome.status === 400 && hasCode(outcome, 'BAD_REQUEST');
      if (unsupported) gatewayReadsHashes = false;
      if (unsupported || hasCode(outcome, 'PERSISTED_QUERY_NOT_FOUND')) {
        outcome = await exchange<R>(requestBody(document, variables, false), request);
      }
    }
    return outcome;
  };

  return {
    tokens,
    execute: execute as LgspClient['execute'],
    request: (async <R, V>(document: OperationDocument<R, V>, ...args: unknown[]) => {
      const outcome = await execute<R, V>(document, ...args);
      if (outcome.errors.length > 0) throw outcome.errors[0]!;
      return outcome.data as R;
    }) as LgspClient['request'],
    subscribe: (<R, V>(document: OperationDocument<R, V>, ...args: unknown[]) => {
      const [variables, request] = split(args);
      return subscribeOverSse<R>({
        open: (signal) =>
          post(
            requestBody(document, variables, mode !== 'document'),
            { ...request, signal },
            false,
            'text/event-stream',
            true,
          ),
        requestIdHeader,
        ...(request.signal ? { signal: request.signal } : {}),
      });
    }) as LgspClient['subscribe'],
  };
}
