import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

let hub: Hub;
let gw: InProcessGateway;

beforeAll(async () => {
  hub = await startHub();
  gw = await createInProcessGateway(hub.supergraphPath, {
    // Only the faulty subgraph gets a shorter deadline, so a slow machine cannot time out the healthy ones; it is
    // still several times what a healthy call takes on a loaded 2-core CI machine.
    subgraphs: { overrides: { health: { timeoutMs: 3000 } } },
  });
});
afterAll(async () => {
  await gw?.close();
  await hub?.close();
});
beforeEach(() => hub.reset());

const query = '{ units { code name facilities { name } } }';
const unitsWithoutFacilities = [
  { code: '17', name: 'Tỉnh Hòa Bình', facilities: null },
  { code: '148', name: 'Thành phố Hòa Bình', facilities: null },
  { code: '4789', name: 'Phường Thái Bình', facilities: null },
];

/** What every failure of the health subgraph must look like: the catalog's data, plus one coded error. */
async function expectPartial(code: string) {
  const { status, body } = await gw.query(query);
  expect(status).toBe(200);
  expect(body.data).toEqual({ units: unitsWithoutFacilities });
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) expect(error.extensions).toEqual({ code, subgraph: 'health' });
  expect(JSON.stringify(body)).not.toMatch(/Bad Gateway|<html|<h1|Service Unavailable/);
}

describe('a failing subgraph yields partial data with a coded error', () => {
  it('answers UPSTREAM_ERROR when the subgraph returns a 5xx with an HTML body', async () => {
    hub.health.setFault({ kind: 'status', status: 502 });
    await expectPartial('UPSTREAM_ERROR');
  });

  it('answers UPSTREAM_ERROR when the subgraph returns something that is not JSON', async () => {
    hub.health.setFault({ kind: 'non-json' });
    await expectPartial('UPSTREAM_ERROR');
  });

  it('answers UPSTREAM_TIMEOUT when the subgraph is slower than its timeout', async () => {
    hub.health.setFault({ kind: 'delay', ms: 8000 });
    await expectPartial('UPSTREAM_TIMEOUT');
  });

  it('answers UPSTREAM_TIMEOUT when the subgraph accepts the request and never answers', async () => {
    hub.health.setFault({ kind: 'hang' });
    await expectPartial('UPSTREAM_TIMEOUT');
  });

  it('answers with the catalog data once the subgraph recovers', async () => {
    const { body } = await gw.query(query);
    expect(body.errors).toBeUndefined();
  });
});

describe('a subgraph that is down', () => {
  let down: InProcessGateway;
  beforeAll(async () => {
    // Same supergraph, but the health subgraph's URL points at a port where nothing listens.
    // A generous probe timeout: only the refused connection may make it unready, not a busy machine.
    down = await createInProcessGateway(hub.supergraphPath, {
      subgraphs: { probeTimeoutMs: 15_000, overrides: { health: { url: 'http://127.0.0.1:9/graphql' } } },
    });
  });
  afterAll(() => down?.close());

  it('yields UPSTREAM_UNAVAILABLE for its fields and the other subgraphs data', async () => {
    const { status, body } = await down.query(query);
    expect(status).toBe(200);
    expect(body.data).toEqual({ units: unitsWithoutFacilities });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', subgraph: 'health' });
  });

  it('reports itself not ready on /readyz, naming the unreachable subgraph', async () => {
    const response = await down.gateway.fetch('http://gateway/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unready', unreachable: ['health'] });
  });
});
