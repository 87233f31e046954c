import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createEnvironmentSubgraph, loadEnvironmentConfig } from '../src/index.js';

describe('environment subgraph health', () => {
  it('reports the upstream breaker state on /healthz', async () => {
    const config = loadEnvironmentConfig({
      env: {},
      values: { port: 0, upstream: { baseUrl: 'http://127.0.0.1:9/api/v1' } },
    });
    const subgraph = await createEnvironmentSubgraph(config, { log: pino({ level: 'silent' }) });
    try {
      const health = await fetch(subgraph.url!.replace('/graphql', '/healthz'));
      expect(await health.json()).toEqual({ status: 'ok', subgraph: 'environment', upstream: 'closed' });
    } finally {
      await subgraph.close();
    }
  });
});
