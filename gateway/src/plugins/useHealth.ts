import type { GatewayPlugin } from '../gatewayContext.js';
import type { SubgraphProbe } from '../supergraph/probeSubgraphs.js';

export interface HealthOptions {
  /** Probes every subgraph of the live supergraph. */
  probe: () => Promise<SubgraphProbe[]>;
  /** False while the server drains for shutdown: readiness fails so load balancers stop sending traffic. */
  isAccepting: () => boolean;
}

/** `/healthcheck` is what the federation-gateway-audit polls; it means the same as `/healthz`. */
const livenessPaths = new Set(['/healthz', '/healthcheck']);

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * `/healthz`: the process serves HTTP (never touches subgraphs, so it stays cheap under load).
 * `/readyz`: a supergraph is loaded (always true once started) and every subgraph answers, else 503 naming them.
 */
export function useHealth(options: HealthOptions): GatewayPlugin {
  return {
    async onRequest({ url, endResponse }) {
      if (livenessPaths.has(url.pathname)) return endResponse(json({ status: 'ok' }, 200));
      if (url.pathname !== '/readyz') return;
      if (!options.isAccepting()) return endResponse(json({ status: 'draining' }, 503));
      const probes = await options.probe();
      const unreachable = probes.filter((p) => !p.reachable).map((p) => p.name);
      const ready = unreachable.length === 0;
      endResponse(json({ status: ready ? 'ready' : 'unready', unreachable }, ready ? 200 : 503));
    },
  };
}
