import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { startHub, type Hub } from '../../tests/fixtures/federation/startHub.js';
import { type GatewayConfigInput, parseConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/createGateway.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';
import { parseMetrics, scrape, valueOf, type Sample } from './metricsText.js';

let hub: Hub;
let manager: SupergraphManager;
let gateway: Gateway;
const log = pino({ level: 'silent' });

function configFor(extra: Partial<GatewayConfigInput> = {}) {
  return parseConfig({
    auth: { mode: 'off' },
    ...extra,
    supergraph: { path: hub.supergraphPath, watch: false },
  });
}

beforeAll(async () => {
  hub = await startHub();
  const config = configFor();
  manager = await createSupergraphManager(config, log);
  gateway = createGateway(config, { supergraph: manager, log });
});
afterAll(async () => {
  await manager.close();
  await hub.close();
});
beforeEach(() => hub.reset());

function post(body: unknown, headers: Record<string, string> = {}, target: Gateway = gateway) {
  return target.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The change of each named counter across `action`, read from two real scrapes. */
async function deltaOf(action: () => Promise<unknown>, target: Gateway = gateway) {
  const before = await scrape(target);
  await action();
  const after = await scrape(target);
  return (name: string, labels: Record<string, string> = {}) =>
    valueOf(after, name, labels) - valueOf(before, name, labels);
}

describe('GET /metrics', () => {
  it('answers the Prometheus text format with process metrics, without a token', async () => {
    const response = await gateway.fetch('http://gateway/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE lgsp_gateway_requests_total counter');
    expect(text).toContain('# TYPE lgsp_gateway_request_duration_seconds histogram');
    expect(text).toContain('# TYPE lgsp_gateway_inflight_requests gauge');
    expect(valueOf(parseMetrics(text), 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts a successful query with its operation type and times it', async () => {
    const delta = await deltaOf(async () => {
      const response = await post({ query: '{ units { code facilities { name } } }' });
      expect(response.status).toBe(200);
    });
    const labels = { operation_type: 'query', outcome: 'success', code: 'none' };
    expect(delta('lgsp_gateway_requests_total', labels)).toBe(1);
    expect(
      delta('lgsp_gateway_request_duration_seconds_count', { operation_type: 'query', outcome: 'success' }),
    ).toBe(1);
    expect(delta('lgsp_gateway_subgraph_requests_total', { subgraph: 'catalog', outcome: 'ok' })).toBe(1);
    expect(delta('lgsp_gateway_subgraph_requests_total', { subgraph: 'health', outcome: 'ok' })).toBe(1);
    expect(delta('lgsp_gateway_subgraph_request_duration_seconds_count', { subgraph: 'health' })).toBe(1);
    const after = await scrape(gateway);
    expect(valueOf(after, 'lgsp_gateway_inflight_requests')).toBe(0);
    const durationLabels = after
      .filter((s) => s.name.startsWith('lgsp_gateway_request_duration_seconds'))
      .map((s) => Object.keys(s.labels).sort().join(','));
    expect(new Set(durationLabels)).toEqual(new Set(['le,operation_type,outcome', 'operation_type,outcome']));
  });

  it('counts a mutation as a mutation', async () => {
    const delta = await deltaOf(() =>
      post({ query: 'mutation { renameUnit(code: "17", name: "Tỉnh Hòa Bình") { code } }' }),
    );
    expect(delta('lgsp_gateway_requests_total', { operation_type: 'mutation', outcome: 'success' })).toBe(1);
  });

  it('counts a failing subgraph as a partial answer with its code, per subgraph', async () => {
    hub.health.setFault({ kind: 'status', status: 502 });
    const delta = await deltaOf(async () => {
      const body = (await (await post({ query: '{ units { code facilities { name } } }' })).json()) as {
        data: unknown;
      };
      expect(body.data).not.toBeNull();
    });
    expect(
      delta('lgsp_gateway_requests_total', {
        operation_type: 'query',
        outcome: 'partial',
        code: 'UPSTREAM_ERROR',
      }),
    ).toBe(1);
    expect(
      delta('lgsp_gateway_subgraph_requests_total', {
        subgraph: 'health',
        outcome: 'failure',
        code: 'UPSTREAM_ERROR',
      }),
    ).toBe(1);
    expect(delta('lgsp_gateway_subgraph_requests_total', { subgraph: 'catalog', outcome: 'ok' })).toBe(1);
  });

  it('counts errors a subgraph answered as graphql_error, with the code clients see', async () => {
    const delta = await deltaOf(() => post({ query: '{ broken units { code } }' }));
    const labels = { subgraph: 'catalog', outcome: 'graphql_error', code: 'UPSTREAM_ERROR' };
    expect(delta('lgsp_gateway_subgraph_requests_total', labels)).toBe(1);
    expect(delta('lgsp_gateway_requests_total', { outcome: 'partial', code: 'UPSTREAM_ERROR' })).toBe(1);
  });

  it('counts refusals before execution with their code: validation, media type, malformed JSON', async () => {
    const delta = await deltaOf(async () => {
      expect((await post({ query: '{ nope }' })).status).toBe(400);
      expect((await post('{ units }', { 'content-type': 'text/plain' })).status).toBe(415);
      expect((await post('{"query": ')).status).toBe(400);
    });
    const error = { operation_type: 'unknown', outcome: 'error' };
    expect(delta('lgsp_gateway_requests_total', { ...error, code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta('lgsp_gateway_requests_total', { ...error, code: 'UNSUPPORTED_MEDIA_TYPE' })).toBe(1);
    expect(delta('lgsp_gateway_requests_total', { ...error, code: 'BAD_REQUEST' })).toBe(1);
    expect(delta('lgsp_gateway_subgraph_requests_total')).toBe(0);
  });

  it('never turns what a client writes into a label', async () => {
    const marker = 'ClientChosenName_9f3a';
    await post({ query: `query ${marker} { units { code } }`, operationName: marker });
    await post({ query: '{ units { code } }' }, { 'x-request-id': `req-${marker}` });
    await post({ query: '{ units { code } }', extensions: { code: marker } });
    const text = await (await gateway.fetch('http://gateway/metrics')).text();
    expect(text).not.toContain(marker);
    const codes = new Set(
      parseMetrics(text)
        .filter((s: Sample) => s.name === 'lgsp_gateway_requests_total')
        .map((s) => s.labels['code']),
    );
    for (const code of codes) expect(code).toMatch(/^[A-Z_]+$|^none$/);
  });

  it('does not count health probes or scrapes as GraphQL requests', async () => {
    const delta = await deltaOf(async () => {
      await gateway.fetch('http://gateway/healthz');
      await gateway.fetch('http://gateway/metrics');
    });
    expect(delta('lgsp_gateway_requests_total')).toBe(0);
  });
});

describe('supergraph metrics', () => {
  it('shows the loaded supergraph hash and counts reloads, successful and rejected', async () => {
    const config = configFor({ metrics: { processMetrics: false } });
    const own = await createSupergraphManager(config, log);
    try {
      const ownGateway = createGateway(config, { supergraph: own, log });
      const before = await scrape(ownGateway);
      expect(valueOf(before, 'lgsp_gateway_supergraph_info', { hash: own.hash() })).toBe(1);
      expect(valueOf(before, 'lgsp_gateway_supergraph_reloads_total', { result: 'success' })).toBe(0);

      await writeFile(hub.supergraphPath, `${hub.supergraphSdl}\n# a comment changes the hash\n`);
      expect(await own.reload()).toBe(true);
      await writeFile(hub.supergraphPath, 'this is not a supergraph');
      expect(await own.reload()).toBe(false);

      const after = await scrape(ownGateway);
      expect(valueOf(after, 'lgsp_gateway_supergraph_reloads_total', { result: 'success' })).toBe(1);
      expect(valueOf(after, 'lgsp_gateway_supergraph_reloads_total', { result: 'failure' })).toBe(1);
      const info = after.filter((s) => s.name === 'lgsp_gateway_supergraph_info');
      expect(info).toEqual([
        { name: 'lgsp_gateway_supergraph_info', labels: { hash: own.hash() }, value: 1 },
      ]);
      expect(own.hash()).not.toBe(manager.hash());
      expect(valueOf(after, 'process_cpu_user_seconds_total')).toBe(0);
    } finally {
      await writeFile(hub.supergraphPath, hub.supergraphSdl);
      await own.close();
    }
  });
});

describe('metrics config', () => {
  it('serves the scrape on the configured path, and nothing when disabled', async () => {
    const moved = createGateway(
      configFor({ metrics: { path: '/internal/metrics', processMetrics: false } }),
      {
        supergraph: manager,
        log,
      },
    );
    expect((await moved.fetch('http://gateway/internal/metrics')).status).toBe(200);
    expect((await moved.fetch('http://gateway/metrics')).status).toBe(404);

    const off = createGateway(configFor({ metrics: { enabled: false } }), { supergraph: manager, log });
    expect((await off.fetch('http://gateway/metrics')).status).toBe(404);
    expect((await post({ query: '{ units { code } }' }, {}, off)).status).toBe(200);
  });
});
