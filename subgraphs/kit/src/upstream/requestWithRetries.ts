import type { Pool } from 'undici';
import type { Logger } from 'pino';
import { childTraceparent } from '@lgsp/schema';
import type { SubgraphMetrics, UpstreamCallOutcome } from '../metrics/subgraphMetrics.js';
import { currentRequestScope } from '../requestScope.js';
import type { CircuitBreaker } from './circuitBreaker.js';
import { sendOnce, type RawResponse } from './sendOnce.js';
import { NotFound, UpstreamError } from './upstreamErrors.js';
import type {
  QueryValue,
  RawRequestOptions,
  UpstreamClientStats,
  UpstreamResponse,
} from './upstreamTypes.js';

export interface RequesterSettings {
  requestTimeoutMs: number;
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxResponseBytes: number;
}

export interface RequesterDependencies {
  name: string;
  base: URL;
  pool: Pool;
  breaker: CircuitBreaker;
  settings: RequesterSettings;
  headers: Record<string, string> | undefined;
  log: Logger | undefined;
  /** Mutated in place: the client's counters. */
  stats: UpstreamClientStats;
  /** Where calls, durations and retries are reported; undefined = not reported. */
  metrics: SubgraphMetrics | undefined;
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

/** Whether a failure says the upstream is unwell: no answer in time, no connection, or a 5xx (a 4xx is an answer). */
function isUpstreamFailure(error: UpstreamError): boolean {
  if (error.reason === 'status') return (error.status ?? 500) >= 500;
  return error.reason === 'timeout' || error.reason === 'connect' || error.reason === 'reset';
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

function traceHeaders({
  trace,
}: NonNullable<ReturnType<typeof currentRequestScope>>): Record<string, string> {
  const traceparent = childTraceparent(trace);
  return trace.traceState ? { traceparent, tracestate: trace.traceState } : { traceparent };
}

/**
 * One attempt through the breaker; 5xx (unless accepted) is a failure here. The breaker counts failed calls, not
 * attempts (`send` reports them after the retries), except for the half-open probe, whose failure reopens at once.
 */
async function attempt(
  deps: RequesterDependencies,
  request: RawRequestOptions,
  path: string,
): Promise<RawResponse> {
  const { name, pool, breaker, settings } = deps;
  if (!breaker.tryAcquire()) throw new UpstreamError({ upstream: name, reason: 'circuitOpen' });
  deps.stats.attempts += 1;
  // The served request's id and trace reach the upstream without every loader passing them; each attempt is a span.
  const scope = currentRequestScope();
  const requestId = request.requestId ?? scope?.requestId;
  try {
    const response = await sendOnce(pool, {
      upstream: name,
      method: request.method,
      path,
      body: request.body,
      headers: {
        ...deps.headers,
        ...(scope ? traceHeaders(scope) : {}),
        ...request.headers,
        ...(requestId ? { 'x-request-id': requestId } : {}),
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
    if (!(error instanceof UpstreamError && isUpstreamFailure(error))) breaker.onAbandon();
    else if (breaker.state().kind === 'halfOpen') breaker.onFailure();
    throw error;
  }
}

/** The request pipeline of one upstream client: breaker → one attempt → status rules → retry with backoff. */
export function createRequester(
  deps: RequesterDependencies,
): (raw: RawRequestOptions) => Promise<UpstreamResponse | NotFound> {
  const { name, base, settings, log } = deps;

  async function send(raw: RawRequestOptions): Promise<UpstreamResponse | NotFound> {
    const method = raw.method.toUpperCase();
    const idempotent = raw.idempotent ?? (method === 'GET' || method === 'HEAD');
    const maxAttempts = 1 + (idempotent ? settings.retries : 0);
    const path = buildPath(base.pathname, raw.path, raw.query);
    // The served request this call is for: the breaker counts one failure per request, whatever its fan-out.
    const origin = raw.requestId ?? currentRequestScope()?.requestId;
    deps.stats.requests += 1;
    let lastFailure: UpstreamError | undefined;
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const response = await attempt(deps, { ...raw, method }, path);
        if (response.status === 404) {
          deps.stats.notFound += 1;
          return NotFound;
        }
        if (response.status >= 400 && !raw.acceptStatus?.(response.status, response.contentType)) {
          throw new UpstreamError({ upstream: name, reason: 'status', status: response.status });
        }
        return response;
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        // A retry the circuit refused (others opened it while this call backed off): the call failed for the reason
        // of its own last attempt, which is what its caller should see, not the circuit.
        const failed =
          error.reason === 'circuitOpen' && lastFailure ? lastFailure : error.withAttempts(attemptNumber);
        const retry =
          failed !== lastFailure &&
          attemptNumber < maxAttempts &&
          isRetryable(failed) &&
          (failed.status ?? 500) >= 500;
        log?.warn(
          {
            upstream: name,
            requestId: raw.requestId,
            reason: error.reason,
            status: error.status,
            attempt: attemptNumber,
            retry,
          },
          'upstream attempt failed',
        );
        if (!retry) {
          if (isUpstreamFailure(failed)) deps.breaker.onFailure(origin);
          deps.stats.failures[failed.code] += 1;
          throw failed;
        }
        lastFailure = failed;
        deps.stats.retries += 1;
        deps.metrics?.upstreamRetry(name);
        const ceilingMs = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (attemptNumber - 1));
        await sleep(Math.random() * ceilingMs, raw.signal);
      }
    }
  }

  /** `send`, reported to the metrics once per call (retries included), whatever its outcome. */
  async function request(raw: RawRequestOptions): Promise<UpstreamResponse | NotFound> {
    const { metrics } = deps;
    if (metrics === undefined) return send(raw);
    const startedMs = performance.now();
    let outcome: UpstreamCallOutcome = 'aborted';
    let code = 'none';
    let reason = 'none';
    try {
      const response = await send(raw);
      outcome = response === NotFound ? 'not_found' : 'ok';
      return response;
    } catch (error) {
      // Anything but an UpstreamError is the caller's cancellation (or a bug): not the upstream's failure.
      if (error instanceof UpstreamError) {
        outcome = 'error';
        ({ code, reason } = error);
      }
      throw error;
    } finally {
      metrics.upstreamCall(name, outcome, code, reason, (performance.now() - startedMs) / 1000);
    }
  }

  return request;
}
