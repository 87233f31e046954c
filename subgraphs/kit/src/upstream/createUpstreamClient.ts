import { Pool } from 'undici';
import type { Logger } from 'pino';
import { defaultSubgraphMetrics, type SubgraphMetrics } from '../metrics/subgraphMetrics.js';
import { createCircuitBreaker } from './circuitBreaker.js';
import { createRequester } from './requestWithRetries.js';
import { upstreamDefaults } from './upstreamDefaults.js';
import { NotFound, UpstreamError } from './upstreamErrors.js';
import type { RequestOptions, UpstreamClient, UpstreamClientStats } from './upstreamTypes.js';

export type {
  QueryValue,
  RequestOptions,
  RawRequestOptions,
  UpstreamResponse,
  PostXmlOptions,
  UpstreamClient,
  UpstreamClientStats,
} from './upstreamTypes.js';

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
    /**
     * Consecutive failed calls (after their retries) that open the circuit, counting the calls made for one served
     * request once. Default 5.
     */
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
  /**
   * Where calls, durations, retries and the breaker state are reported (served by the subgraph server's `/metrics`).
   * Default: the process's `defaultSubgraphMetrics()`; `false` reports nothing.
   */
  metrics?: SubgraphMetrics | false;
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
  const metrics = options.metrics === false ? undefined : (options.metrics ?? defaultSubgraphMetrics());
  const breaker = createCircuitBreaker({
    failureThreshold: options.breaker?.failureThreshold ?? upstreamDefaults.breakerFailureThreshold,
    openMs: options.breaker?.openMs ?? upstreamDefaults.breakerOpenMs,
    onStateChange: (state) => {
      metrics?.breakerTransition(name, state.kind);
      log?.warn({ upstream: name, breaker: state.kind }, 'upstream circuit state changed');
    },
  });
  const untrackBreaker = metrics?.trackBreaker(name, () => breaker.state());

  const stats: UpstreamClientStats = {
    requests: 0,
    attempts: 0,
    retries: 0,
    notFound: 0,
    failures: { UPSTREAM_TIMEOUT: 0, UPSTREAM_UNAVAILABLE: 0, UPSTREAM_ERROR: 0 },
  };
  const request = createRequester({
    name,
    base,
    pool,
    breaker,
    settings,
    headers: options.headers,
    log,
    stats,
    metrics,
  });

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
        stats.failures.UPSTREAM_ERROR += 1;
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
    stats: () => ({ ...stats, failures: { ...stats.failures } }),
    close: () => {
      untrackBreaker?.();
      return pool.close();
    },
  };
}
