import { Pool } from 'undici';
import type { Logger } from 'pino';
import { createCircuitBreaker, type BreakerState } from './circuitBreaker.js';
import { upstreamDefaults } from './upstreamDefaults.js';
import { NotFound, UpstreamError } from './upstreamErrors.js';
import { sendOnce, type RawResponse } from './sendOnce.js';

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface UpstreamClientOptions {
  /** The system's name; appears in errors (`Upstream system "health" …`), logs and `extensions.subgraph`. */
  name: string;
  /** `http://host:port` with an optional path prefix (`http://host:port/api/v1`). */
  baseUrl: string;
  /** Default 2 000 ms. */
  connectTimeoutMs?: number;
  /** Per attempt, headers and body included. Default 5 000 ms. */
  requestTimeoutMs?: number;
  /** Keep-alive connections in the pool. Default 16. */
  connections?: number;
  /** Default 10 000 ms. */
  keepAliveTimeoutMs?: number;
  /** Extra attempts for idempotent requests (GET, HEAD, or `idempotent: true`). Default 2. */
  retries?: number;
  /** Default 100 ms. See `upstreamDefaults`. */
  backoffBaseMs?: number;
  /** Default 2 000 ms. */
  backoffMaxMs?: number;
  breaker?: {
    /** Consecutive failed attempts that open the circuit. Default 5. */
    failureThreshold?: number;
    /** Default 10 000 ms. */
    openMs?: number;
  };
  /** Headers sent on every request (e.g. an API key from config). Default none. */
  headers?: Record<string, string>;
  /** Default 20 MiB. */
  maxResponseBytes?: number;
  /** Default: no logging. */
  log?: Logger;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Forwarded as `x-request-id`. */
  requestId?: string;
  /** The caller's cancellation (e.g. the GraphQL request ended); not counted as an upstream failure. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface RawRequestOptions extends RequestOptions {
  method: string;
  path: string;
  body?: string;
  /** Whether retrying is safe. Default: true for GET and HEAD, false otherwise. */
  idempotent?: boolean;
  /**
   * Statuses ≥ 400 (other than 404) to hand back to the caller instead of failing, e.g. SOAP Faults that
   * arrive as HTTP 500 with an XML body. Default: none.
   */
  acceptStatus?: (status: number, contentType: string) => boolean;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface PostXmlOptions extends RequestOptions {
  /** The SOAP 1.1 `SOAPAction` header. Default: none. */
  soapAction?: string;
  /** Set for read operations so they are retried. Default false. */
  idempotent?: boolean;
}

export interface UpstreamClient {
  readonly name: string;
  /** GET and parse JSON. 404 → `NotFound`; other failures throw `UpstreamError`. */
  getJson<T = unknown>(path: string, options?: RequestOptions): Promise<T | NotFound>;
  /** POST an XML body (SOAP). HTTP 500 with an XML body is returned (it may be a SOAP Fault) not thrown. */
  postXml(path: string, xml: string, options?: PostXmlOptions): Promise<UpstreamResponse | NotFound>;
  /** Any request; 2xx (and accepted statuses) are returned, 404 → `NotFound`, everything else throws. */
  request(options: RawRequestOptions): Promise<UpstreamResponse | NotFound>;
  breakerState(): BreakerState;
  close(): Promise<void>;
}

function buildPath(prefix: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  const joined = `${prefix.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  return search ? `${joined}${joined.includes('?') ? '&' : '?'}${search}` : joined;
}

function isRetryable(error: UpstreamError): boolean {
  // A timeout is not retried: the attempt already used the whole budget, and the caller is waiting.
  return error.reason === 'connect' || error.reason === 'reset' || error.reason === 'status';
}

function countsAsFailure(error: UpstreamError): boolean {
  return (
    error.reason === 'timeout' ||
    error.reason === 'connect' ||
    error.reason === 'reset' ||
    error.reason === 'status'
  );
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One client per upstream system: a keep-alive pool, timeouts, retries with jittered backoff, a circuit breaker. */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { name, log } = options;
  const base = new URL(options.baseUrl);
  const settings = {
    requestTimeoutMs: options.requestTimeoutMs ?? upstreamDefaults.requestTimeoutMs,
    retries: options.retries ?? upstreamDefaults.retries,
    backoffBaseMs: options.backoffBaseMs ?? upstreamDefaults.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs ?? upstreamDefaults.backoffMaxMs,
    maxResponseBytes: options.maxResponseBytes ?? upstreamDefaults.maxResponseBytes,
  };
  const pool = new Pool(base.origin, {
    connections: options.connections ?? upstreamDefaults.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? upstreamDefaults.keepAliveTimeoutMs,
    connect: { timeout: options.connectTimeoutMs ?? upstreamDefaults.connectTimeoutMs },
  });
  const breaker = createCircuitBreaker({
    failureThreshold: options.breaker?.failureThreshold ?? upstreamDefaults.breakerFailureThreshold,
    openMs: options.breaker?.openMs ?? upstreamDefaults.breakerOpenMs,
    onStateChange: (state) =>
      log?.warn({ upstream: name, breaker: state.kind }, 'upstream circuit state changed'),
  });

  async function attempt(request: RawRequestOptions, path: string): Promise<RawResponse> {
    if (!breaker.tryAcquire()) throw new UpstreamError({ upstream: name, reason: 'circuitOpen' });
    try {
      const response = await sendOnce(pool, {
        upstream: name,
        method: request.method,
        path,
        body: request.body,
        headers: {
          ...options.headers,
          ...request.headers,
          ...(request.requestId ? { 'x-request-id': request.requestId } : {}),
        },
        timeoutMs: settings.requestTimeoutMs,
        maxResponseBytes: settings.maxResponseBytes,
        signal: request.signal,
      });
      if (response.status >= 500 && !request.acceptStatus?.(response.status, response.contentType)) {
        throw new UpstreamError({ upstream: name, reason: 'status', status: response.status });
      }
      breaker.onSuccess();
      return response;
    } catch (error) {
      if (error instanceof UpstreamError && countsAsFailure(error)) breaker.onFailure();
      else breaker.onAbandon();
      throw error;
    }
  }

  async function request(raw: RawRequestOptions): Promise<UpstreamResponse | NotFound> {
    const method = raw.method.toUpperCase();
    const idempotent = raw.idempotent ?? (method === 'GET' || method === 'HEAD');
    const maxAttempts = 1 + (idempotent ? settings.retries : 0);
    const path = buildPath(base.pathname, raw.path, raw.query);
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const response = await attempt({ ...raw, method }, path);
        if (response.status === 404) return NotFound;
        if (response.status >= 400 && !raw.acceptStatus?.(response.status, response.contentType)) {
          throw new UpstreamError({ upstream: name, reason: 'status', status: response.status });
        }
        return response;
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        const failed = error.withAttempts(attemptNumber);
        const retry = attemptNumber < maxAttempts && isRetryable(failed) && (failed.status ?? 500) >= 500;
        log?.warn(
          {
            upstream: name,
            requestId: raw.requestId,
            reason: failed.reason,
            status: failed.status,
            attempt: attemptNumber,
            retry,
          },
          'upstream attempt failed',
        );
        if (!retry) throw failed;
        const ceilingMs = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (attemptNumber - 1));
        await sleep(Math.random() * ceilingMs, raw.signal);
      }
    }
  }

  return {
    name,
    request,
    async getJson<T>(path: string, requestOptions: RequestOptions = {}): Promise<T | NotFound> {
      const response = await request({
        ...requestOptions,
        method: 'GET',
        path,
        headers: { accept: 'application/json', ...requestOptions.headers },
      });
      if (response === NotFound) return NotFound;
      try {
        return JSON.parse(response.text) as T;
      } catch (cause) {
        throw new UpstreamError({ upstream: name, reason: 'malformed', status: response.status, cause });
      }
    },
    postXml(path, xml, { soapAction, idempotent, ...requestOptions } = {}) {
      return request({
        ...requestOptions,
        method: 'POST',
        path,
        body: xml,
        idempotent: idempotent ?? false,
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          accept: 'text/xml, application/soap+xml',
          ...(soapAction !== undefined ? { soapaction: `"${soapAction}"` } : {}),
          ...requestOptions.headers,
        },
        acceptStatus: (status, contentType) => status === 500 && /xml/i.test(contentType),
      });
    },
    breakerState: () => breaker.state(),
    close: () => pool.close(),
  };
}
