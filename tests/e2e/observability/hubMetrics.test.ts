import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';
import { provinceSystems, startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';

// Metrics on real processes: the gateway bin (auth required) and the five subgraphs with their simulators.

const overviewQuery = readFileSync(
  path.join(repositoryRoot, 'docs', 'queries', 'provinceOverview.graphql'),
  'utf8',
);

let hub: ProvinceHub;
beforeAll(async () => {
  hub = await startProvinceHub({ gateway: 'process', defaultClient: 'ioc-dashboard' });
  // What the scrapes below must show: one dashboard query over all five systems, one refused call.
  const { body } = await hub.query(overviewQuery, {
    province: '17',
    period: { from: '2025-06-01', to: '2025-06-30' },
  });
  expect(body.errors).toBeUndefined();
  expect((await hub.query('{ __typename }', {}, { authorization: '' })).status).toBe(401);
}, 120_000);
afterAll(() => hub?.close());

/** Sum of the samples of `name` whose labels include `labels`, from one scrape of `url`. */
async function scrape(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const lines = (await response.text()).split('\n');
  return (name: string, labels: Record<string, string> = {}) =>
    lines
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

describe('metrics across the hub', () => {
  it('the gateway counts the dashboard query and its call to every subgraph, served without a token', async () => {
    const gateway = await scrape(`${hub.gatewayUrl}/metrics`);
    expect(gateway('lgsp_gateway_requests_total', { operation_type: 'query', outcome: 'success' })).toBe(1);
    expect(gateway('lgsp_gateway_requests_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    for (const subgraph of provinceSystems) {
      const calls = gateway('lgsp_gateway_subgraph_requests_total', { subgraph, outcome: 'ok' });
      expect({ subgraph, called: calls > 0 }).toEqual({ subgraph, called: true });
    }
    const hash = createHash('sha256').update(hub.supergraphSdl).digest('hex');
    expect(gateway('lgsp_gateway_supergraph_info', { hash })).toBe(1);
    expect(gateway('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('each subgraph serves its upstream calls and breaker states', async () => {
    for (const system of provinceSystems) {
      const subgraph = await scrape(new URL('/metrics', hub.subgraphUrls[system]).toString());
      expect({
        system,
        ok: subgraph('lgsp_subgraph_upstream_requests_total', { upstream: system, outcome: 'ok' }) > 0,
      }).toEqual({ system, ok: true });
      expect(subgraph('lgsp_subgraph_upstream_breaker_state', { upstream: system, state: 'closed' })).toBe(1);
      expect(subgraph('lgsp_subgraph_requests_total', { subgraph: system, status: '200' })).toBeGreaterThan(
        0,
      );
    }
  });
});
