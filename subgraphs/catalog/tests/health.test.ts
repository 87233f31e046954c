import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createCatalogSubgraph, loadCatalogConfig } from '../src/index.js';

describe('catalog subgraph health', () => {
  it('reports the upstream breaker state on /healthz', async () => {
    const config = loadCatalogConfig({
      env: {},
      values: { port: 0, upstream: { baseUrl: 'http://127.0.0.1:9/api/v1' } },
    });
    const subgraph = await createCatalogSubgraph(config, { log: pino({ level: 'silent' }) });
    try {
      const health = await fetch(subgraph.url!.replace('/graphql', '/healthz'));
      expect(await health.json()).toEqual({ status: 'ok', subgraph: 'catalog', upstream: 'closed' });
    } finally {
      await subgraph.close();
    }
  });
});
