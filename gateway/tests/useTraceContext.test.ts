import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { parseTraceparent } from '@lgsp/schema';
import { pino } from 'pino';
import { startHub, type Hub } from '../../tests/fixtures/federation/startHub.js';
import { parseConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/createGateway.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';

const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
let hub: Hub;
let manager: SupergraphManager;
let gateway: Gateway;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  hub = await startHub();
  const config = parseConfig({
    auth: { mode: 'off' },
    supergraph: { path: hub.supergraphPath, watch: false },
    // A client's own header would be copied as is if the gateway did not validate it first.
    subgraphs: { forwardHeaders: ['traceparent', 'tracestate'] },
    metrics: { enabled: false },
  });
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  manager = await createSupergraphManager(config, log);
  gateway = createGateway(config, { supergraph: manager, log });
});
afterAll(async () => {
  await manager.close();
  await hub.close();
});
beforeEach(() => {
  hub.reset();
  lines.length = 0;
});

async function query(headers: Record<string, string>) {
  const response = await gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: '{ units { code facilities { name } stations { aqi } } }' }),
  });
  expect(response.status).toBe(200);
  const calls = [hub.catalog, hub.health, hub.environment].flatMap((s) => s.requests);
  expect(calls.length).toBeGreaterThanOrEqual(3);
  return calls.map((c) => ({
    trace: parseTraceparent(c.headers['traceparent'] as string | undefined),
    raw: c.headers['traceparent'],
    state: c.headers['tracestate'],
  }));
}

describe('trace context through the gateway', () => {
  it('continues a valid incoming trace with a new span id on every subgraph call', async () => {
    const calls = await query({ traceparent: incoming, tracestate: 'lgsp=ioc,congo=t61rcWkgMzE' });
    for (const call of calls) {
      expect(call.trace).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', flags: '01' });
      expect(call.trace!.spanId).not.toBe('00f067aa0ba902b7');
      expect(call.state).toBe('lgsp=ioc,congo=t61rcWkgMzE');
    }
    expect(new Set(calls.map((c) => c.trace!.spanId)).size).toBe(calls.length);
  });

  it('keeps the caller sampling decision', async () => {
    const calls = await query({ traceparent: incoming.replace(/01$/, '00') });
    expect(calls.map((c) => c.trace!.flags)).toEqual(calls.map(() => '00'));
  });

  it('replaces a malformed traceparent with a new trace and drops its tracestate', async () => {
    const calls = await query({ traceparent: 'evil\u0001-not-a-trace', tracestate: 'x=1' });
    const traceIds = new Set(calls.map((c) => c.trace?.traceId));
    expect(traceIds.size).toBe(1);
    expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
    for (const call of calls) {
      expect(call.raw).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(call.state).toBeUndefined();
    }
  });

  it('starts a trace when the client sends none, one per request, and logs its id', async () => {
    const first = await query({});
    hub.reset();
    const second = await query({});
    expect(first[0]!.trace!.traceId).not.toBe(second[0]!.trace!.traceId);
    const subgraphLog = lines.find((l) => l['msg'] === 'subgraph call');
    expect(subgraphLog?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
  });
});
