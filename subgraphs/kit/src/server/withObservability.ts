import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { SubgraphMetrics } from '../metrics/subgraphMetrics.js';
import { requestScopeOf, runInRequestScope } from '../requestScope.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface ObservabilityOptions {
  subgraph: string;
  /** GraphQL endpoint path: its requests are counted and timed. */
  graphqlPath: string;
  /** Undefined: no `/metrics` and nothing counted. */
  metrics: SubgraphMetrics | undefined;
  /** Path of the scrape endpoint. */
  metricsPath: string;
  log: Logger;
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
}

/**
 * Wraps the subgraph's HTTP handler: `GET <metricsPath>` answers the metrics (no assertion needed, like `/healthz`;
 * keep it off public networks), every other request runs inside its request scope (request id, trace context) so
 * upstream calls carry them, and GraphQL requests are counted by status and timed until their response ends.
 */
export function withObservability(handler: Handler, options: ObservabilityOptions): Handler {
  const { metrics, subgraph } = options;
  const startedAt = new WeakMap<ServerResponse, number>();
  // One listener for every response (it reads `this`), so timing allocates no closure per request.
  function onClose(this: ServerResponse): void {
    const startedMs = startedAt.get(this);
    if (startedMs !== undefined) {
      metrics?.httpRequest(subgraph, this.statusCode, (performance.now() - startedMs) / 1000);
    }
  }

  async function serveMetrics(
    response: ServerResponse,
    registry: SubgraphMetrics['registry'],
  ): Promise<void> {
    try {
      const text = await registry.metrics();
      response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      response.end(text);
    } catch (error) {
      options.log.error({ err: error }, 'metrics scrape failed');
      response.writeHead(500).end();
    }
  }

  return (request, response) => {
    const path = pathOf(request.url);
    if (metrics && path === options.metricsPath && request.method === 'GET') {
      return serveMetrics(response, metrics.registry);
    }
    if (metrics && path === options.graphqlPath) {
      startedAt.set(response, performance.now());
      response.once('close', onClose);
    }
    return runInRequestScope(requestScopeOf(request.headers), handler, request, response);
  };
}
