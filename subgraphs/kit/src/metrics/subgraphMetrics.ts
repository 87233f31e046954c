import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState } from '../upstream/circuitBreaker.js';

/** How one upstream call (retries included) ended. `aborted`: the caller gave up (its request ended). */
export type UpstreamCallOutcome = 'ok' | 'not_found' | 'error' | 'aborted';

/**
 * The metrics of a subgraph process, in a registry of its own (never prom-client's global one). Upstream clients
 * report into it and the subgraph server serves it at `/metrics`. Every label value is bounded: subgraph and
 * upstream names come from code and config, codes and reasons from fixed lists, statuses from our own server.
 */
export interface SubgraphMetrics {
  readonly registry: Registry;
  /** One call of an upstream client ended; `code`/`reason` are the UpstreamError's (`none` on success). */
  upstreamCall(
    upstream: string,
    outcome: UpstreamCallOutcome,
    code: string,
    reason: string,
    seconds: number,
  ): void;
  /** An attempt failed and is retried. */
  upstreamRetry(upstream: string): void;
  /** The client's breaker changed state. */
  breakerTransition(upstream: string, to: BreakerState['kind']): void;
  /** Reports a breaker's state at every scrape; returns the function that stops reporting it. */
  trackBreaker(upstream: string, state: () => BreakerState): () => void;
  /** One GraphQL HTTP request to the subgraph was answered (or its connection closed). */
  httpRequest(subgraph: string, status: number, seconds: number): void;
}

export interface SubgraphMetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC). Default true. */
  processMetrics?: boolean;
}

/** 1 ms to 10 s, as the gateway's: upstream timeouts are 5 s by default. */
const durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const breakerStates: readonly BreakerState['kind'][] = ['closed', 'open', 'halfOpen'];

export function createSubgraphMetrics(options: SubgraphMetricsOptions = {}): SubgraphMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const calls = new Counter({
    name: 'lgsp_subgraph_upstream_requests_total',
    help: 'Calls to upstream systems (retries included in one call), by outcome, code and reason',
    labelNames: ['upstream', 'outcome', 'code', 'reason'],
    registers,
  });
  const durations = new Histogram({
    name: 'lgsp_subgraph_upstream_request_duration_seconds',
    help: 'Duration of one call to an upstream system, retries and backoff included',
    labelNames: ['upstream'],
    buckets: durationBuckets,
    registers,
  });
  const retries = new Counter({
    name: 'lgsp_subgraph_upstream_retries_total',
    help: 'Attempts to upstream systems that failed and were retried',
    labelNames: ['upstream'],
    registers,
  });
  const transitions = new Counter({
    name: 'lgsp_subgraph_upstream_breaker_transitions_total',
    help: 'Circuit breaker state changes, by the state entered',
    labelNames: ['upstream', 'state'],
    registers,
  });
  const tracked = new Set<{ upstream: string; state: () => BreakerState }>();
  new Gauge({
    name: 'lgsp_subgraph_upstream_breaker_state',
    help: 'Circuit breaker state per upstream: 1 for the current state (closed, open, halfOpen), 0 for the others',
    labelNames: ['upstream', 'state'],
    registers,
    collect() {
      this.reset();
      for (const { upstream, state } of tracked) {
        const current = state().kind;
        for (const kind of breakerStates) this.set({ upstream, state: kind }, kind === current ? 1 : 0);
      }
    },
  });
  const requests = new Counter({
    name: 'lgsp_subgraph_requests_total',
    help: 'GraphQL HTTP requests answered by the subgraph, by HTTP status',
    labelNames: ['subgraph', 'status'],
    registers,
  });
  const requestDurations = new Histogram({
    name: 'lgsp_subgraph_request_duration_seconds',
    help: 'Time from receiving a GraphQL HTTP request to the end of its response',
    labelNames: ['subgraph'],
    buckets: durationBuckets,
    registers,
  });

  return {
    registry,
    upstreamCall(upstream, outcome, code, reason, seconds) {
      calls.inc({ upstream, outcome, code, reason });
      durations.observe({ upstream }, seconds);
    },
    upstreamRetry: (upstream) => retries.inc({ upstream }),
    breakerTransition: (upstream, state) => transitions.inc({ upstream, state }),
    trackBreaker(upstream, state) {
      const entry = { upstream, state };
      tracked.add(entry);
      return () => void tracked.delete(entry);
    },
    httpRequest(subgraph, status, seconds) {
      requests.inc({ subgraph, status: String(status) });
      requestDurations.observe({ subgraph }, seconds);
    },
  };
}

let processWide: SubgraphMetrics | undefined;

/**
 * The process's metrics, shared by every upstream client and subgraph server that is not given its own: in
 * production one subgraph runs per process, so this is that subgraph's. Created on first use.
 */
export function defaultSubgraphMetrics(): SubgraphMetrics {
  return (processWide ??= createSubgraphMetrics());
}
