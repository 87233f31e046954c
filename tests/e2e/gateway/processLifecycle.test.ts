import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';
import { spawnGateway, type SpawnedGateway } from './spawnGateway.js';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());
beforeEach(() => hub.reset());

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('lgsp-gateway process', () => {
  let gw: SpawnedGateway | undefined;
  afterAll(() => {
    if (gw && gw.child.exitCode === null) gw.child.kill('SIGKILL');
  });

  it('starts from the compiled bin and answers /healthz and /readyz', async () => {
    gw = await spawnGateway(['--supergraph', hub.supergraphPath]);
    const health = await request(`${gw.url}/healthz`);
    expect(health.statusCode).toBe(200);
    const ready = await request(`${gw.url}/readyz`);
    expect(await ready.body.json()).toEqual({ status: 'ready', unreachable: [] });
  });

  it('logs each request with its request id and forwards the id and allowed headers to subgraphs', async () => {
    gw!.child.kill('SIGKILL');
    gw = await spawnGateway(['--supergraph', hub.supergraphPath], {
      LGSP_GATEWAY_FORWARD_HEADERS: 'traceparent,x-purpose',
    });
    const response = await post(gw.url, '{ units { code facilities { id } } }', {
      'x-request-id': 'trace-me-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      'x-purpose': 'statistics',
      authorization: 'Bearer secret-token',
      cookie: 'session=1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('trace-me-1');
    await response.body.json();
    for (const subgraph of [hub.catalog, hub.health]) {
      const headers = subgraph.requests[0]!.headers;
      expect(headers['x-request-id']).toBe('trace-me-1');
      // Same trace, a child span per subgraph call (W3C trace context), never the caller's own span id.
      expect(headers['traceparent']).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
      expect(headers['traceparent']).not.toContain('b7ad6b7169203331');
      expect(headers['x-purpose']).toBe('statistics');
      expect(headers['authorization']).toBeUndefined();
      expect(headers['cookie']).toBeUndefined();
    }
    await waitFor(
      () => gw!.logs.some((l) => l.msg === 'request' && l['requestId'] === 'trace-me-1'),
      'access log',
    );
    expect(JSON.stringify(gw.logs)).not.toContain('secret-token');
  });

  it('on SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    hub.health.setFault({ kind: 'delay', ms: 2000 });
    const inFlight = post(gw!.url, '{ units { code facilities { name } } }');
    await waitFor(() => hub.health.requests.length > 0, 'the in-flight subgraph call');
    gw!.child.kill('SIGTERM');
    await waitFor(() => gw!.logs.some((l) => l.msg === 'draining'), 'the drain to start');
    await expect(request(`${gw!.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const response = await inFlight;
    expect(response.statusCode).toBe(200);
    const body = (await response.body.json()) as {
      data: { units: { facilities: unknown[] }[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.units[1]!.facilities).toHaveLength(2);
    expect(await gw!.exited).toBe(0);
  });

  it('refuses to start, naming every config problem, when the config is invalid', async () => {
    const failed = spawnGateway([], { LGSP_GATEWAY_PORT: 'x', LGSP_GATEWAY_LOG_LEVEL: 'loud' });
    await expect(failed).rejects.toThrow(/LGSP_GATEWAY_PORT[\s\S]*log\.level[\s\S]*supergraph/);
  });

  it('refuses to start on a supergraph that does not load', async () => {
    const failed = spawnGateway(['--supergraph', '/nonexistent/supergraph.graphql']);
    await expect(failed).rejects.toThrow(/exited with 1/);
  });
});
