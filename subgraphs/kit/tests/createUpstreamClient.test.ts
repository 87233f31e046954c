import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { createSimulatorServer, json, route, text, type SimulatorServer } from '@lgsp/simulator-kit';
import {
  createUpstreamClient,
  NotFound,
  type UpstreamClient,
  type UpstreamClientOptions,
} from '../src/index.js';

let simulator: SimulatorServer;
const clients: UpstreamClient[] = [];

beforeAll(async () => {
  simulator = await createSimulatorServer({
    name: 'upstream',
    routes: [
      route('GET', '/api/items/:id', ({ params, query }) =>
        params.id === 'missing'
          ? json({ error: 'nope' }, 404)
          : json({ id: params.id, q: query.getAll('q') }),
      ),
      route('GET', '/api/forbidden', () => text('secret upstream body', 403)),
      route('POST', '/api/write', () => json({ ok: true })),
      route('POST', '/soap', () => ({
        status: 500,
        headers: { 'content-type': 'text/xml' },
        body: '<Fault/>',
      })),
    ],
  });
});
afterAll(() => simulator.close());
afterEach(async () => {
  simulator.clearFaults();
  simulator.resetStats();
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function client(overrides: Partial<UpstreamClientOptions> = {}): UpstreamClient {
  const created = createUpstreamClient({
    name: 'example',
    baseUrl: `${simulator.url}/api`,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    ...overrides,
  });
  clients.push(created);
  return created;
}

describe('createUpstreamClient', () => {
  it('gets JSON under the base path with query parameters and forwards the request id', async () => {
    const result = await client().getJson('/items/a1', {
      query: { q: ['x', 'y'], skip: undefined },
      requestId: 'rid-1',
    });
    expect(result).toEqual({ id: 'a1', q: ['x', 'y'] });
    expect(simulator.stats().recentRequestIds).toEqual(['rid-1']);
  });

  it('returns NotFound for a 404', async () => {
    expect(await client().getJson('/items/missing')).toBe(NotFound);
  });

  it('retries a GET after a 5xx and succeeds', async () => {
    simulator.addFault({ status: 503, times: 2 });
    expect(await client().getJson('/items/a1')).toEqual({ id: 'a1', q: [] });
    expect(simulator.stats().total).toBe(3);
  });

  it('gives up after the retries with UPSTREAM_ERROR and the attempt count', async () => {
    simulator.addFault({ status: 500 });
    await expect(client({ retries: 3 }).getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      reason: 'status',
      status: 500,
      attempts: 4,
    });
    expect(simulator.stats().total).toBe(4);
  });

  it('does not retry a non-idempotent POST', async () => {
    simulator.addFault({ status: 503 });
    await expect(client().request({ method: 'POST', path: '/write', body: '{}' })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
    });
    expect(simulator.stats().total).toBe(1);
  });

  it('fails a 4xx other than 404 without quoting the upstream body', async () => {
    const error = await client()
      .getJson('/forbidden')
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 403 });
    expect((error as Error).message).not.toContain('secret');
  });

  it('turns an unparseable body into UPSTREAM_ERROR', async () => {
    simulator.addFault({ malformed: true });
    await expect(client().getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      reason: 'malformed',
    });
  });

  it('turns a silent upstream into UPSTREAM_TIMEOUT', async () => {
    simulator.addFault({ timeout: true });
    await expect(client({ requestTimeoutMs: 200 }).getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
    });
  });

  it('retries a reset connection, and reports UPSTREAM_UNAVAILABLE when it persists', async () => {
    simulator.addFault({ reset: true, times: 1 });
    expect(await client().getJson('/items/a1')).toEqual({ id: 'a1', q: [] });
    simulator.addFault({ reset: true });
    await expect(client().getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'reset',
    });
  });

  it('reports a refused connection as UPSTREAM_UNAVAILABLE', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number };
        probe.close(() => resolve(address.port));
      });
    });
    await expect(client({ baseUrl: `http://127.0.0.1:${port}` }).getJson('/x')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'connect',
    });
  });

  it('opens the circuit after repeated failures, fails fast, then probes and closes again', async () => {
    simulator.addFault({ status: 503 });
    const breaking = client({ retries: 0, breaker: { failureThreshold: 2, openMs: 300 } });
    await expect(breaking.getJson('/items/a1')).rejects.toMatchObject({ reason: 'status' });
    await expect(breaking.getJson('/items/a1')).rejects.toMatchObject({ reason: 'status' });
    expect(breaking.breakerState().kind).toBe('open');
    await expect(breaking.getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'circuitOpen',
    });
    expect(simulator.stats().total).toBe(2);
    simulator.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await breaking.getJson('/items/a1')).toEqual({ id: 'a1', q: [] });
    expect(breaking.breakerState().kind).toBe('closed');
  });

  it('counts a failed call once, after its retries', async () => {
    simulator.addFault({ status: 503 });
    const retrying = client({ retries: 2, breaker: { failureThreshold: 2, openMs: 60_000 } });
    await expect(retrying.getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      reason: 'status',
      attempts: 3,
    });
    expect(retrying.breakerState()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    expect(simulator.stats().total).toBe(3);
  });

  it('does not open the circuit on the parallel calls of one request, each failing with UPSTREAM_ERROR', async () => {
    simulator.addFault({ status: 503 });
    // The default threshold (5), as a district query meets it: 6 parallel calls for one request, 3 attempts each.
    const batch = client({ retries: 2 });
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) =>
        batch.getJson(`/items/${id}`, { requestId: 'district-query' }),
      ),
    );
    expect(results.map((result) => result.status === 'rejected' && result.reason)).toEqual(
      results.map(() => expect.objectContaining({ code: 'UPSTREAM_ERROR', reason: 'status' })),
    );
    expect(batch.breakerState()).toEqual({ kind: 'closed', consecutiveFailures: 1 });
    // Four more requests that find the upstream down open it.
    for (const requestId of ['r2', 'r3', 'r4', 'r5']) {
      await batch.getJson('/items/a', { requestId }).catch(() => undefined);
    }
    expect(batch.breakerState().kind).toBe('open');
  });

  it('fails a call whose retry the open circuit refused with its own upstream error', async () => {
    simulator.addFault({ status: 503 });
    const breaking = client({ retries: 2, breaker: { failureThreshold: 1, openMs: 200 } });
    await breaking.getJson('/items/a1').catch(() => undefined);
    expect(breaking.breakerState().kind).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 250));
    // The first attempt is the half-open probe; it fails, the circuit reopens and refuses the retries.
    await expect(breaking.getJson('/items/a1')).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      reason: 'status',
    });
    expect(breaking.breakerState().kind).toBe('open');
  });

  it('counts requests, attempts, retries, not-found and failures by code', async () => {
    const counted = client({ retries: 1 });
    await counted.getJson('/items/a1');
    await counted.getJson('/items/missing');
    simulator.addFault({ status: 503 });
    await counted.getJson('/items/a1').catch(() => undefined);
    expect(counted.stats()).toEqual({
      requests: 3,
      attempts: 4,
      retries: 1,
      notFound: 1,
      failures: { UPSTREAM_TIMEOUT: 0, UPSTREAM_UNAVAILABLE: 0, UPSTREAM_ERROR: 1 },
    });
  });

  it('hands back an XML 500 to a SOAP caller instead of failing', async () => {
    const soap = client({ baseUrl: simulator.url });
    const response = await soap.postXml('/soap', '<Envelope/>', { soapAction: 'urn:Get', idempotent: true });
    expect(response).toMatchObject({ status: 500, text: '<Fault/>' });
  });

  it('passes the caller abort through without calling it an upstream failure', async () => {
    simulator.addFault({ timeout: true });
    const controller = new AbortController();
    const pending = client({ requestTimeoutMs: 10_000 }).getJson('/items/a1', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
