import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import {
  createSimulatorServer,
  json,
  notFound,
  paginate,
  parseFaultSpecs,
  route,
  type SimulatorServer,
} from '../src/index.js';

const communes = [
  { code: '04978', name: 'Phường Thái Bình' },
  { code: '04981', name: 'Phường Tân Hòa' },
  { code: '04984', name: 'Phường Hữu Nghị' },
];

let simulator: SimulatorServer;

beforeAll(async () => {
  simulator = await createSimulatorServer({
    name: 'example',
    routes: [
      route('GET', '/api/communes', ({ query }) => json(paginate(communes, query, { defaultPageSize: 2 }))),
      route('GET', '/api/communes/:code', ({ params }) => {
        const commune = communes.find((candidate) => candidate.code === params.code);
        return commune ? json(commune) : notFound();
      }),
      route('POST', '/api/echo', ({ body, headers }) => json({ body, contentType: headers['content-type'] })),
    ],
  });
});
afterAll(() => simulator.close());
beforeEach(async () => {
  await fetch(`${simulator.url}/__admin/faults`, { method: 'DELETE' });
  await fetch(`${simulator.url}/__admin/stats/reset`, { method: 'POST' });
});

async function addFault(spec: object): Promise<void> {
  const response = await fetch(`${simulator.url}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(response.status).toBe(201);
}

describe('createSimulatorServer routes', () => {
  it('serves a route with path params and answers 404 for an unknown key', async () => {
    const found = await fetch(`${simulator.url}/api/communes/04981`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ code: '04981', name: 'Phường Tân Hòa' });
    const missing = await fetch(`${simulator.url}/api/communes/99999`);
    expect(missing.status).toBe(404);
  });

  it('pages a list with page and pageSize', async () => {
    const response = await fetch(`${simulator.url}/api/communes?page=2`);
    expect(await response.json()).toEqual({
      items: [communes[2]],
      page: 2,
      pageSize: 2,
      total: 3,
      totalPages: 2,
    });
  });

  it('hands the request body to the handler', async () => {
    const response = await fetch(`${simulator.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<a>1</a>',
    });
    expect(await response.json()).toEqual({ body: '<a>1</a>', contentType: 'text/xml' });
  });

  it('answers 404 for an unknown route and counts it as unmatched', async () => {
    expect((await fetch(`${simulator.url}/nope`)).status).toBe(404);
    expect(simulator.stats().byRoute).toEqual({ unmatched: 1 });
  });
});

describe('createSimulatorServer health', () => {
  it('answers a readiness probe without counting it', async () => {
    const response = await fetch(`${simulator.url}/__admin/health`);
    expect(await response.json()).toEqual({ status: 'ok', name: 'example' });
    expect(simulator.stats().total).toBe(0);
  });
});

describe('createSimulatorServer stats', () => {
  it('counts requests per route and keeps the request ids received', async () => {
    await fetch(`${simulator.url}/api/communes/04978`, { headers: { 'x-request-id': 'req-1' } });
    await fetch(`${simulator.url}/api/communes/04981`, { headers: { 'x-request-id': 'req-2' } });
    await fetch(`${simulator.url}/api/communes`);
    const stats = await (await fetch(`${simulator.url}/__admin/stats`)).json();
    expect(stats).toEqual({
      name: 'example',
      total: 3,
      byRoute: { 'GET /api/communes/:code': 2, 'GET /api/communes': 1 },
      recentRequestIds: ['req-1', 'req-2'],
    });
    await fetch(`${simulator.url}/__admin/stats/reset`, { method: 'POST' });
    expect(simulator.stats()).toEqual({ total: 0, byRoute: {}, recentRequestIds: [] });
  });
});

describe('createSimulatorServer faults', () => {
  it('answers an injected status on one route only, for the given number of times', async () => {
    await addFault({ route: '/api/communes/:code', status: 503, times: 1 });
    expect((await fetch(`${simulator.url}/api/communes`)).status).toBe(200);
    expect((await fetch(`${simulator.url}/api/communes/04978`)).status).toBe(503);
    expect((await fetch(`${simulator.url}/api/communes/04978`)).status).toBe(200);
  });

  it('matches a fault by path prefix and by method plus pattern', async () => {
    await addFault({ route: '/api/comm', status: 500, times: 1 });
    expect((await fetch(`${simulator.url}/api/communes`)).status).toBe(500);
    await addFault({ route: 'GET /api/communes', status: 502, times: 1 });
    expect((await fetch(`${simulator.url}/api/communes/04978`)).status).toBe(200);
    expect((await fetch(`${simulator.url}/api/communes`)).status).toBe(502);
  });

  it('sends a malformed body that no JSON parser accepts', async () => {
    await addFault({ malformed: true });
    const response = await fetch(`${simulator.url}/api/communes/04978`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(() => JSON.parse(body)).toThrow();
  });

  it('resets the connection', async () => {
    await addFault({ reset: true });
    await expect(fetch(`${simulator.url}/api/communes/04978`)).rejects.toThrow();
    expect(simulator.stats().total).toBe(1);
  });

  it('never answers under a timeout fault, until the client gives up', async () => {
    await addFault({ timeout: true });
    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest(`${simulator.url}/api/communes/04978`, { timeout: 300 }, () =>
        resolve('answered'),
      );
      request.on('timeout', () => {
        request.destroy();
        resolve('timed out');
      });
      request.on('error', () => undefined);
      request.end();
    });
    expect(outcome).toBe('timed out');
  });

  it('adds latency and still answers', async () => {
    await addFault({ latencyMs: 50 });
    const response = await fetch(`${simulator.url}/api/communes/04978`);
    expect(response.status).toBe(200);
  });

  it('lists active faults and refuses a body that is not a fault spec', async () => {
    await addFault({ route: '/api', status: 500 });
    const list = await (await fetch(`${simulator.url}/__admin/faults`)).json();
    expect(list).toEqual([{ id: expect.any(Number), route: '/api', status: 500, hits: 0 }]);
    const bad = await fetch(`${simulator.url}/__admin/faults`, { method: 'POST', body: '{"status":"x"}' });
    expect(bad.status).toBe(400);
  });

  it('applies faults given at start', async () => {
    const faulty = await createSimulatorServer({
      name: 'faulty',
      routes: [route('GET', '/x', () => json({ ok: true }))],
      faults: [{ status: 503, times: 1 }],
    });
    try {
      expect((await fetch(`${faulty.url}/x`)).status).toBe(503);
      expect((await fetch(`${faulty.url}/x`)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

describe('parseFaultSpecs', () => {
  it('reads one spec or a list from config text and names the invalid entries', () => {
    expect(parseFaultSpecs('{"status":503}')).toEqual([{ status: 503 }]);
    expect(parseFaultSpecs('[{"route":"/a","reset":true},{"latencyMs":5}]')).toHaveLength(2);
    expect(() => parseFaultSpecs('[{"status":503},{"reset":"yes"},3]')).toThrow(
      'invalid fault spec at index 1, 2',
    );
    expect(() => parseFaultSpecs('nope')).toThrow('fault specs must be JSON');
  });
});
