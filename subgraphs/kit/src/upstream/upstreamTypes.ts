import type { BreakerState } from './circuitBreaker.js';
import type { NotFound } from './upstreamErrors.js';

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

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

/** Counters since the client was created, for `/healthz` details and metrics. */
export interface UpstreamClientStats {
  /** Calls made by callers (one per `getJson`/`postXml`/`request`). */
  requests: number;
  /** HTTP attempts sent (requests + retries; breaker refusals send none). */
  attempts: number;
  retries: number;
  notFound: number;
  /** Failed calls by client-visible code. */
  failures: Record<'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR', number>;
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
  /** A snapshot of the client's counters. */
  stats(): UpstreamClientStats;
  close(): Promise<void>;
}
