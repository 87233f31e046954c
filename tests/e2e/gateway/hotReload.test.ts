import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { composeSupergraph } from '../../fixtures/federation/composeSupergraph.js';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

let hub: Hub;
let gw: InProcessGateway;
const logLines: { msg: string; err?: string }[] = [];
let withoutEnvironment: string;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  hub = await startHub();
  withoutEnvironment = composeSupergraph([hub.catalog, hub.health]);
  await writeFile(hub.supergraphPath, withoutEnvironment);
  const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  gw = await createInProcessGateway(
    hub.supergraphPath,
    { supergraph: { path: hub.supergraphPath, watch: true, pollIntervalMs: 100 } },
    log,
  );
});
afterAll(async () => {
  await gw?.close();
  await hub?.close();
});
beforeEach(() => hub.reset());

const stationsQuery = '{ unit(code: "4789") { code stations { id aqi } } }';

describe('hot reload of the supergraph file', () => {
  it('serves the new schema to new requests once the file changes', async () => {
    const before = await gw.query(stationsQuery);
    expect(before.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    await writeFile(hub.supergraphPath, hub.supergraphSdl);
    await waitFor(async () => !(await gw.query(stationsQuery)).body.errors, 'the reloaded schema');
    const after = await gw.query(stationsQuery);
    expect(after.body.data).toEqual({ unit: { code: '4789', stations: [{ id: 'S2', aqi: 87 }] } });
    expect(logLines.some((l) => l.msg === 'supergraph reloaded')).toBe(true);
  });

  it('rejects a broken supergraph with a log line and keeps serving the previous one', async () => {
    logLines.length = 0;
    await writeFile(hub.supergraphPath, 'type Query { this is not SDL');
    expect(await gw.supergraph.reload()).toBe(false);
    await waitFor(async () => logLines.some((l) => /rejected/.test(l.msg)), 'the rejection log line');
    const still = await gw.query(stationsQuery);
    expect(still.body.data).toEqual({ unit: { code: '4789', stations: [{ id: 'S2', aqi: 87 }] } });
  });

  it('rejects a valid GraphQL schema that is not a supergraph', async () => {
    logLines.length = 0;
    await writeFile(hub.supergraphPath, 'type Query { hello: String }');
    expect(await gw.supergraph.reload()).toBe(false);
    // The watcher may log its own rejection of the previous test's file first; look for this file's reason.
    await waitFor(
      async () => logLines.some((l) => /rejected/.test(l.msg) && /join__Graph/.test(l.err ?? '')),
      'the rejection naming join__Graph',
    );
    expect((await gw.query(stationsQuery)).body.errors).toBeUndefined();
  });

  it('lets a request in flight finish on the schema it started with', async () => {
    await writeFile(hub.supergraphPath, hub.supergraphSdl);
    await waitFor(async () => {
      await gw.supergraph.reload();
      return gw.supergraph.current().subgraphs.length === 3;
    }, 'the full supergraph');
    hub.environment.setFault({ kind: 'delay', ms: 1500 });
    const inFlight = gw.query(stationsQuery);
    await waitFor(async () => hub.environment.requests.length > 0, 'the environment call');
    await writeFile(hub.supergraphPath, withoutEnvironment);
    // The swap happens while the environment subgraph still holds the first request.
    await waitFor(async () => {
      await gw.supergraph.reload();
      return gw.supergraph.current().subgraphs.length === 2;
    }, 'the swap');
    expect(hub.environment.requests).toHaveLength(1);
    const finished = await inFlight;
    expect(finished.body).toEqual({ data: { unit: { code: '4789', stations: [{ id: 'S2', aqi: 87 }] } } });
    const next = await gw.query(stationsQuery);
    expect(next.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
