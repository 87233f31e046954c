import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../fixtures/federation/composeSupergraph.js';
import {
  environmentSubgraph,
  placesSubgraph,
  policeSubgraph,
  reportsSubgraph,
  statsSubgraph,
} from '../../fixtures/federation/placesSubgraphs.js';
import { type FixtureSubgraph, startSubgraph } from '../../fixtures/federation/startSubgraph.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

// Our own schemas for the federation features the audit checks, so a planner change (issue 8) is caught by
// `npm test` too: every expectation is what a client sees, plus which subgraphs were (not) called.
let places: FixtureSubgraph;
let police: FixtureSubgraph;
let environment: FixtureSubgraph;
let reports: FixtureSubgraph;
let stats: FixtureSubgraph;
let gw: InProcessGateway;

beforeAll(async () => {
  [places, police, environment, reports, stats] = await Promise.all(
    [placesSubgraph, policeSubgraph, environmentSubgraph, reportsSubgraph, statsSubgraph].map((s) =>
      startSubgraph(s),
    ),
  );
  const path = join(await mkdtemp(join(tmpdir(), 'lgsp-ff-')), 'supergraph.graphql');
  await writeFile(path, composeSupergraph([places!, police!, environment!, reports!, stats!]));
  gw = await createInProcessGateway(path);
});
afterAll(async () => {
  await gw?.close();
  await Promise.all([places, police, environment, reports, stats].map((s) => s?.close()));
});
beforeEach(() => {
  for (const s of [places, police, environment, reports, stats]) s.requests.length = 0;
});

describe('federation features on our own schemas', () => {
  it('@provides: resolves a field provided on a path', async () => {
    const { body } = await gw.query('{ incidents { id commune { id name } } }');
    expect(body).toEqual({
      data: { incidents: [{ id: 'I1', commune: { id: 'P1', name: 'Phường Thái Bình' } }] },
    });
    // Stitching does not use @provides to skip the owner: `name` is fetched again from `places` in one batched
    // call. A planner that honours @provides (issue 8) brings this to 0; see docs/gateway.md (known gaps).
    expect(police.requests).toHaveLength(1);
    expect(places.requests.length).toBeLessThanOrEqual(1);
  });

  it('compound and multiple keys: joins a camera from the subgraph keyed by (district, code) to the one keyed by id', async () => {
    const { body } = await gw.query('{ incidents { camera { id district code label } } }');
    expect(body).toEqual({
      data: { incidents: [{ camera: { id: 'C2', district: '148', code: 'CAM-02', label: 'Cầu Hòa Bình' } }] },
    });
    const fromPlaces = await gw.query('{ cameras { label district code } }');
    expect(fromPlaces.body.data).toEqual({
      cameras: [
        { label: 'Ngã tư Tân Thành', district: '148', code: 'CAM-01' },
        { label: 'Cầu Hòa Bình', district: '148', code: 'CAM-02' },
      ],
    });
  });

  it('@override: resolves the overridden field in the overriding subgraph only', async () => {
    const { body } = await gw.query('{ cameras { id status } }');
    expect(body).toEqual({
      data: {
        cameras: [
          { id: 'C1', status: 'online' },
          { id: 'C2', status: 'online' },
        ],
      },
    });
    expect(places.requests).toHaveLength(1);
    expect(environment.requests).toHaveLength(1);
  });

  it('@requires with an argument: sends the required field and passes the argument', async () => {
    const { body } = await gw.query('{ cameras { vi: airNote en: airNote(lang: "en") } }');
    expect(body).toEqual({
      data: {
        cameras: [
          { vi: 'Ngã tư Tân Thành: trung bình', en: 'Ngã tư Tân Thành: moderate' },
          { vi: 'Cầu Hòa Bình: trung bình', en: 'Cầu Hòa Bình: moderate' },
        ],
      },
    });
    const sent = environment.requests[0]!.body.variables as { representations: unknown[] };
    expect(sent.representations[0]).toEqual({ __typename: 'Camera', id: 'C1', label: 'Ngã tư Tân Thành' });
  });

  it('@interfaceObject: adds a field to every implementation of an interface entity', async () => {
    const { body } = await gw.query('{ places { __typename id name aqi ... on Hospital { beds } } }');
    expect(body).toEqual({
      data: {
        places: [
          { __typename: 'Commune', id: 'P1', name: 'Phường Thái Bình', aqi: 87 },
          { __typename: 'Hospital', id: 'P2', name: 'Bệnh viện Đa khoa tỉnh', aqi: 42, beds: 800 },
        ],
      },
    });
    expect(reports.requests).toHaveLength(1);
  });

  it('@interfaceObject: also for an implementation that another subgraph extends', async () => {
    const { body } = await gw.query('{ places { __typename aqi ... on Commune { households } } }');
    expect(body).toEqual({
      data: {
        places: [
          { __typename: 'Commune', aqi: 87, households: 3100 },
          { __typename: 'Hospital', aqi: 42 },
        ],
      },
    });
    // `reports` only knows `Place`: the fragments it receives must name the interface, never `Commune`.
    for (const request of reports.requests) expect(request.body.query).not.toMatch(/Commune|Hospital/);
  });

  it('nested key: fetches an entity identified by a key with a nested object', async () => {
    const { body } = await gw.query('{ flaggedReadings { station { id } hour flagged pm25 } }');
    expect(body).toEqual({
      data: { flaggedReadings: [{ station: { id: 'S1' }, hour: 7, flagged: true, pm25: 31 }] },
    });
  });

  it('enums shared by subgraphs: as output everywhere and as an argument', async () => {
    const { body } = await gw.query('{ severities incidents(minSeverity: HIGH) { severity } }');
    expect(body).toEqual({
      data: { severities: ['LOW', 'MEDIUM', 'HIGH'], incidents: [{ severity: 'HIGH' }] },
    });
    const bad = await gw.query('{ incidents(minSeverity: SEVERE) { id } }');
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
