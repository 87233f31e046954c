import { isErrorCode } from '@lgsp/schema';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getAccessRecord } from '../accessRecord.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import type { SupergraphManager } from '../supergraph/createSupergraphManager.js';
import type { SubgraphCallReport } from '../upstream/createSubgraphExecutor.js';

export interface MetricsOptions {
  /** Path of the scrape endpoint (config `metrics.path`). Default `/metrics`. */
  path?: string;
  /** The GraphQL endpoint: only its requests are counted as requests. Default `/graphql`. */
  graphqlPath?: string;
  /** Add a `client` label (the partner's `azp`) to request metrics. Default false. */
  perClientLabels?: boolean;
  /** Export Node's process metrics too. Default true. */
  processMetrics?: boolean;
  /** Source of subgraph-call reports, reload outcomes and the supergraph hash. */
  supergraph: Pick<SupergraphManager, 'observe' | 'hash'>;
  /** Registry to register into. Default: a new one per gateway (never prom-client's global registry). */
  registry?: Registry;
}

/** 1 ms to 10 s: a cached answer takes about 1 ms, a subgraph timeout 10 s (the default). */
const durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** For responses a plugin wrote itself (a refused token, a wrong media type): the code its status stands for. */
const codeOfStatus: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'UPSTREAM_ERROR',
  503: 'UPSTREAM_UNAVAILABLE',
  504: 'UPSTREAM_TIMEOUT',
};

/** What one GraphQL request contributed, filled as its hooks run. */
interface RequestState {
  startedMs: number;
  operationType: string;
  /** From the result: undefined until a result was seen. */
  code?: string;
  partial?: boolean;
}

/** Only codes from the shared table become label values: anything else is `OTHER`, so labels stay bounded. */
const boundedCode = (code: unknown): string => (isErrorCode(code) ? code : 'OTHER');

function createInstruments(registry: Registry, perClient: boolean) {
  const requestLabels = perClient
    ? ['operation_type', 'outcome', 'code', 'client']
    : ['operation_type', 'outcome', 'code'];
  const durationLabels = perClient ? ['operation_type', 'outcome', 'client'] : ['operation_type', 'outcome'];
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'lgsp_gateway_requests_total',
      help: 'GraphQL requests answered, by operation type, outcome (success, partial, error) and first error code',
      labelNames: requestLabels,
      registers,
    }),
    duration: new Histogram({
      name: 'lgsp_gateway_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to its response headers',
      labelNames: durationLabels,
      buckets: durationBuckets,
      registers,
    }),
    inflight: new Gauge({
      name: 'lgsp_gateway_inflight_requests',
      help: 'GraphQL requests received and not yet answered',
      registers,
    }),
    subgraphRequests: new Counter({
      name: 'lgsp_gateway_subgraph_requests_total',
      help: 'HTTP calls to subgraphs, by subgraph, outcome (ok, graphql_error, failure, aborted) and code',
      labelNames: ['subgraph', 'outcome', 'code'],
      registers,
    }),
    subgraphDuration: new Histogram({
      name: 'lgsp_gateway_subgraph_request_duration_seconds',
      help: 'Duration of one HTTP call to a subgraph, headers and body',
      labelNames: ['subgraph'],
      buckets: durationBuckets,
      registers,
    }),
    reloads: new Counter({
      name: 'lgsp_gateway_supergraph_reloads_total',
      help: 'Reloads of a changed supergraph file: success (now serving) or failure (rejected, previous kept)',
      labelNames: ['result'],
      registers,
    }),
    supergraphInfo: new Gauge({
      name: 'lgsp_gateway_supergraph_info',
      help: 'The supergraph serving now (value 1), by the SHA-256 of its SDL',
      labelNames: ['hash'],
      registers,
    }),
  };
}

type Instruments = ReturnType<typeof createInstruments>;

function clientOf(request: Request): string {
  const principal = getAccessRecord(request)?.principal;
  if (principal === undefined) return 'none';
  return principal.kind === 'client' ? principal.clientId : 'anonymous';
}

function recordResult(state: RequestState, result: unknown): void {
  // A stream (subscription) or a batch: the first single result with errors decides; a stream counts as started.
  const single = Array.isArray(result)
    ? (result.find((r: { errors?: unknown[] }) => r.errors?.length) ?? result[0])
    : result;
  if (typeof single !== 'object' || single === null || !('errors' in single || 'data' in single)) return;
  const { errors, data } = single as { errors?: { extensions?: { code?: unknown } }[]; data?: unknown };
  if (!errors?.length) return;
  state.code = boundedCode(errors[0]?.extensions?.code);
  state.partial = data !== null && data !== undefined;
}

function observeSupergraph(options: MetricsOptions, instruments: Instruments): () => void {
  const setHash = (hash: string) => {
    instruments.supergraphInfo.reset();
    instruments.supergraphInfo.set({ hash }, 1);
  };
  setHash(options.supergraph.hash());
  for (const result of ['success', 'failure']) instruments.reloads.inc({ result }, 0);
  return options.supergraph.observe({
    onSubgraphCall(report: SubgraphCallReport) {
      const code = report.code === undefined ? 'none' : boundedCode(report.code);
      instruments.subgraphRequests.inc({ subgraph: report.subgraph, outcome: report.outcome, code });
      instruments.subgraphDuration.observe({ subgraph: report.subgraph }, report.durationSeconds);
    },
    onReload({ ok, hash }) {
      instruments.reloads.inc({ result: ok ? 'success' : 'failure' });
      if (ok) setHash(hash);
    },
  });
}

async function scrape(registry: Registry): Promise<Response> {
  const text = await registry.metrics();
  return new Response(text, {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}

/**
 * Prometheus metrics in the text format at `GET /metrics` (docs/observability.md lists them): requests, durations,
 * in-flight requests, subgraph calls, supergraph reloads and hash, Node process metrics. Labels are bounded: error
 * codes from the shared table, operation types, subgraph names from the supergraph, and (only when configured) the
 * partner's client id from the registry; never operation names, ids or anything else a client writes.
 * The endpoint needs no token, like `/healthz`; keep it off the public listener (docs/observability.md).
 */
export function useMetrics(options: MetricsOptions): GatewayPlugin {
  const registry = options.registry ?? new Registry();
  const path = options.path ?? '/metrics';
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const perClient = options.perClientLabels ?? false;
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const instruments = createInstruments(registry, perClient);
  const stopObserving = observeSupergraph(options, instruments);
  const states = new WeakMap<Request, RequestState>();

  return {
    onRequest({ request, url, endResponse }) {
      // Synchronous for every other request: no promise on the hot path.
      if (url.pathname === path && request.method === 'GET') return scrape(registry).then(endResponse);
      if (url.pathname !== graphqlPath) return;
      states.set(request, { startedMs: performance.now(), operationType: 'unknown' });
      instruments.inflight.inc();
    },
    onExecute({ args }) {
      const state = states.get(args.contextValue.request);
      const operation = state && getOperationAST(args.document, args.operationName);
      if (operation) state!.operationType = operation.operation;
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (state) recordResult(state, result);
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state === undefined) return;
      states.delete(request);
      instruments.inflight.dec();
      const failedStatus = response.status >= 400;
      const code = state.code ?? (failedStatus ? (codeOfStatus[response.status] ?? 'OTHER') : 'none');
      const outcome = code === 'none' ? 'success' : state.partial && !failedStatus ? 'partial' : 'error';
      // Two label objects: prom-client keeps the one it is given for a new series, so it must not change later.
      const timing: Record<string, string> = { operation_type: state.operationType, outcome };
      if (perClient) timing['client'] = clientOf(request);
      instruments.duration.observe(timing, (performance.now() - state.startedMs) / 1000);
      instruments.requests.inc({ ...timing, code });
    },
    onDispose() {
      stopObserving();
    },
  };
}
