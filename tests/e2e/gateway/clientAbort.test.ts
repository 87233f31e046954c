import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseConfig, type RunningGateway, startGateway } from '@lgsp/gateway';
import { pino } from 'pino';
import { request } from 'undici';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';

let hub: Hub;
let running: RunningGateway;

beforeAll(async () => {
  hub = await startHub();
  const config = parseConfig({
    server: { host: '127.0.0.1', port: 0 },
    supergraph: { path: hub.supergraphPath, watch: false },
    auth: { mode: 'off' },
    // Not about auditing; the default `.data/audit` would be shared with other test files.
    audit: { enabled: false },
  });
  running = await startGateway(config, { log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await running?.close();
  await hub?.close();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const query = (signal?: AbortSignal) =>
  request(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: '{ units { code facilities { name } } }' }),
    ...(signal ? { signal } : {}),
  });

describe('a client that goes away', () => {
  it('makes the gateway drop its subgraph calls instead of waiting for them', async () => {
    hub.health.setFault({ kind: 'delay', ms: 20_000 });
    const client = new AbortController();
    const pending = query(client.signal).catch((error: unknown) => error);
    await waitFor(() => hub.health.requests.length > 0, 'the subgraph call');
    client.abort();
    await pending;
    // Well before the subgraph's 20 s delay or the gateway's 10 s timeout.
    await waitFor(() => hub.health.abandoned() === 1, 'the gateway to drop the subgraph call', 8000);
    hub.reset();
    const after = await query();
    expect(await after.body.json()).toMatchObject({ data: { units: expect.any(Array) } });
  });
});
