import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTraceparent } from '@lgsp/schema';
import { pino } from 'pino';
import {
  createKeyedLoader,
  createSubgraphMetrics,
  createSubgraphServer,
  createUpstreamClient,
  type SubgraphContext,
  type SubgraphMetrics,
  type SubgraphServer,
  type UpstreamClient,
} from '../src/index.js';

const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** A tiny upstream recording the headers of every request; `/items?ids=…` answers, `/down` answers 503. */
let upstreamServer: Server;
const upstreamBase = () => `http://127.0.0.1:${(upstreamServer.address() as AddressInfo).port}`;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let metrics: SubgraphMetrics;
let upstream: UpstreamClient;
/** Another system on the same server, failing: its breaker opens without touching `upstream`'s. */
let flaky: UpstreamClient;
let subgraph: SubgraphServer;

type Loaders = { itemById: ReturnType<typeof createItemLoader> };
function createItemLoader() {
  return createKeyedLoader(async (ids: readonly string[]) => {
    // No requestId passed on purpose: the request scope supplies it and the trace.
    const page = (await upstream.getJson<{ id: string }[]>('/items', { query: { ids: ids.join(',') } })) as {
      id: string;
    }[];
    return ids.map((id) => page.find((item) => item.id === id) ?? null);
  });
}

beforeAll(async () => {
  upstreamServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    seen.push({ path: url.pathname, headers: req.headers });
    if (url.pathname === '/down') return void res.writeHead(503).end();
    const ids = (url.searchParams.get('ids') ?? '').split(',');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ids.map((id) => ({ id }))));
  });
  await new Promise<void>((resolve) => upstreamServer.listen(0, '127.0.0.1', resolve));
  const { port } = upstreamServer.address() as AddressInfo;
  metrics = createSubgraphMetrics({ processMetrics: false });
  upstream = createUpstreamClient({ name: 'items', baseUrl: `http://127.0.0.1:${port}`, metrics });
  flaky = createUpstreamClient({
    name: 'flaky',
    baseUrl: `http://127.0.0.1:${port}`,
    retries: 1,
    backoffBaseMs: 1,
    backoffMaxMs: 2,
    breaker: { failureThreshold: 2, openMs: 60_000 },
    metrics,
  });
  subgraph = await createSubgraphServer<Loaders>({
    name: 'items',
    log: pino({ level: 'silent' }),
    typeDefs: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Item @key(fields: "id") { id: ID! }
      type Query { items(ids: [ID!]!): [Item] down: Boolean }`,
    createLoaders: () => ({ itemById: createItemLoader() }),
    resolvers: {
      Query: {
        items: (_: unknown, args: { ids: string[] }, ctx: SubgraphContext<Loaders>) =>
          ctx.loaders.itemById.loadMany(args.ids),
        down: async () => Boolean(await flaky.getJson('/down')),
      },
    },
    metrics: { registry: metrics },
  });
});
afterAll(async () => {
  await subgraph.close();
  await upstream.close();
  await flaky.close();
  await new Promise((resolve) => upstreamServer.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

async function graphql(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(subgraph.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Sum of the scraped samples of `name` whose labels include `labels`. */
async function scraped(name: string, labels: Record<string, string> = {}): Promise<number> {
  const response = await fetch(new URL('/metrics', subgraph.url));
  expect(response.status).toBe(200);
  let sum = 0;
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      sum += Number(line.split(' ').pop());
  }
  return sum;
}

describe('trace context and request id in the subgraph kit', () => {
  it('forwards the gateway trace to upstream calls made in a DataLoader batch, with its own span id', async () => {
    const body = await graphql('{ items(ids: ["a", "b"]) { id } }', {
      traceparent: incoming,
      tracestate: 'lgsp=ioc',
      'x-request-id': 'req-trace-1',
    });
    expect(body).toEqual({ data: { items: [{ id: 'a' }, { id: 'b' }] } });
    expect(seen).toHaveLength(1);
    const { headers } = seen[0]!;
    const trace = parseTraceparent(headers['traceparent'] as string);
    expect(trace).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', flags: '01' });
    expect(trace!.spanId).not.toBe('00f067aa0ba902b7');
    expect(headers['tracestate']).toBe('lgsp=ioc');
    expect(headers['x-request-id']).toBe('req-trace-1');
  });

  it('starts a trace when the caller sent none or a malformed one, and in-process calls get one too', async () => {
    await graphql('{ items(ids: ["a"]) { id } }', { traceparent: 'garbage' });
    await subgraph.executeOperation(
      { query: '{ items(ids: ["b"]) { id } }' },
      { headers: { traceparent: incoming } },
    );
    const [overHttp, inProcess] = seen.map((s) => s.headers['traceparent'] as string);
    expect(overHttp).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(parseTraceparent(overHttp)!.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(parseTraceparent(inProcess)!.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('gives each retry attempt its own span id in the same trace', async () => {
    await graphql('{ down }', { traceparent: incoming });
    const attempts = seen
      .filter((s) => s.path === '/down')
      .map((s) => parseTraceparent(s.headers['traceparent'] as string)!);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.traceId))).toEqual(new Set(['4bf92f3577b34da6a3ce929d0e0e4736']));
    expect(attempts[0]!.spanId).not.toBe(attempts[1]!.spanId);
  });
});

describe('GET /metrics on the subgraph server', () => {
  it('counts upstream calls by outcome, their durations, retries and the breaker state', async () => {
    const okBefore = await scraped('lgsp_subgraph_upstream_requests_total', {
      upstream: 'items',
      outcome: 'ok',
    });
    await graphql('{ items(ids: ["c"]) { id } }');
    expect(await scraped('lgsp_subgraph_upstream_requests_total', { upstream: 'items', outcome: 'ok' })).toBe(
      okBefore + 1,
    );
    expect(
      await scraped('lgsp_subgraph_upstream_request_duration_seconds_count', { upstream: 'items' }),
    ).toBeGreaterThan(0);

    // Clients of their own, so these numbers do not depend on the other tests: `retrying` retries and never opens
    // its circuit; `fragile` does not retry and opens on its first failed call.
    const client = (name: string, retries: number, failureThreshold: number) =>
      createUpstreamClient({
        name,
        baseUrl: upstreamBase(),
        retries,
        backoffBaseMs: 1,
        backoffMaxMs: 2,
        breaker: { failureThreshold, openMs: 60_000 },
        metrics,
      });
    const retrying = client('retrying', 1, 100);
    const fragile = client('fragile', 0, 1);
    try {
      await expect(retrying.getJson('/down')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', attempts: 2 });
      await expect(fragile.getJson('/down')).rejects.toMatchObject({ reason: 'status' });
      await expect(fragile.getJson('/down')).rejects.toMatchObject({ reason: 'circuitOpen' });
      const calls = (upstream: string, code: string, reason: string) =>
        scraped('lgsp_subgraph_upstream_requests_total', { upstream, outcome: 'error', code, reason });
      expect(await calls('retrying', 'UPSTREAM_ERROR', 'status')).toBe(1);
      expect(await scraped('lgsp_subgraph_upstream_retries_total', { upstream: 'retrying' })).toBe(1);
      expect(await calls('fragile', 'UPSTREAM_ERROR', 'status')).toBe(1);
      expect(await calls('fragile', 'UPSTREAM_UNAVAILABLE', 'circuitOpen')).toBe(1);
      const state = (upstream: string, kind: string) =>
        scraped('lgsp_subgraph_upstream_breaker_state', { upstream, state: kind });
      expect([await state('fragile', 'open'), await state('fragile', 'closed')]).toEqual([1, 0]);
      expect([await state('retrying', 'open'), await state('retrying', 'closed')]).toEqual([0, 1]);
      expect(
        await scraped('lgsp_subgraph_upstream_breaker_transitions_total', {
          upstream: 'fragile',
          state: 'open',
        }),
      ).toBe(1);
    } finally {
      await Promise.all([retrying.close(), fragile.close()]);
    }
    // A closed client's breaker is no longer reported.
    expect(await scraped('lgsp_subgraph_upstream_breaker_state', { upstream: 'fragile' })).toBe(0);
  });

  it('counts GraphQL requests by status, not scrapes or health probes', async () => {
    const before = await scraped('lgsp_subgraph_requests_total', { subgraph: 'items', status: '200' });
    await graphql('{ items(ids: ["d"]) { id } }');
    await fetch(new URL('/healthz', subgraph.url));
    expect(await scraped('lgsp_subgraph_requests_total', { subgraph: 'items', status: '200' })).toBe(
      before + 1,
    );
    expect(await scraped('lgsp_subgraph_requests_total', { subgraph: 'items', status: '400' })).toBe(0);
    await fetch(subgraph.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(await scraped('lgsp_subgraph_requests_total', { subgraph: 'items', status: '400' })).toBe(1);
  });
});
