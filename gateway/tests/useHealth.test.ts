import { describe, expect, it } from '@jest/globals';
import { createYoga } from 'graphql-yoga';
import { useHealth } from '../src/plugins/useHealth.js';
import type { SubgraphProbe } from '../src/supergraph/probeSubgraphs.js';

function serverWith(probes: SubgraphProbe[], accepting = true) {
  let probed = 0;
  const yoga = createYoga({
    logging: false,
    plugins: [
      useHealth({
        probe: async () => {
          probed += 1;
          return probes;
        },
        isAccepting: () => accepting,
      }),
    ],
  });
  return { yoga, probed: () => probed };
}

describe('useHealth', () => {
  it('answers /healthz and /healthcheck without probing subgraphs', async () => {
    const { yoga, probed } = serverWith([{ name: 'health', reachable: false }]);
    for (const path of ['/healthz', '/healthcheck']) {
      const response = await yoga.fetch(`http://gateway${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
    expect(probed()).toBe(0);
  });

  it('is ready when every subgraph is reachable', async () => {
    const { yoga } = serverWith([
      { name: 'catalog', reachable: true },
      { name: 'health', reachable: true },
    ]);
    const response = await yoga.fetch('http://gateway/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', unreachable: [] });
  });

  it('is not ready, naming them, when some subgraph is unreachable', async () => {
    const { yoga } = serverWith([
      { name: 'catalog', reachable: true },
      { name: 'health', reachable: false },
    ]);
    const response = await yoga.fetch('http://gateway/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unready', unreachable: ['health'] });
  });

  it('is not ready while draining for shutdown, without probing', async () => {
    const { yoga, probed } = serverWith([{ name: 'catalog', reachable: true }], false);
    const response = await yoga.fetch('http://gateway/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'draining' });
    expect(probed()).toBe(0);
  });
});
