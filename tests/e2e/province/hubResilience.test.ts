import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';
import type { PoliceSimulator } from '@lgsp/simulator-police';
import {
  provinceSystems,
  startProvinceHub,
  type GraphQLResult,
  type ProvinceHub,
} from '../harness/startProvinceHub.js';

// Batching, partial failure and request-id propagation across the whole hub (gateway in-process, auth required).

const districtQuery = readFileSync(
  path.join(repositoryRoot, 'docs', 'queries', 'districtCommunes.graphql'),
  'utf8',
);
const overviewQuery = readFileSync(
  path.join(repositoryRoot, 'docs', 'queries', 'provinceOverview.graphql'),
  'utf8',
);
const june2025 = { from: '2025-06-01', to: '2025-06-30' };
const policeFields = ['incidentStats', 'accidentStats', 'cameraCount'];

let hub: ProvinceHub;
beforeAll(async () => {
  hub = await startProvinceHub({
    defaultClient: 'ioc-dashboard',
    // A short police deadline keeps the timeout case quick; a high breaker threshold keeps each case's failure its own
    // (with the default 5, the retries of one failing query would open the circuit for the next).
    subgraphConfig: {
      police: { upstream: { requestTimeoutMs: 3_000, breaker: { failureThreshold: 1_000 } } },
    },
  });
}, 120_000);
afterAll(() => hub?.close());
afterEach(() => hub.clearFaults());

type Commune = Record<string, unknown> & { code: string };

function communesOf(body: GraphQLResult): Commune[] {
  const district = body.data?.['district'] as { communes: Commune[] } | undefined;
  return district?.communes ?? [];
}

describe('the district screen over the whole hub', () => {
  it('costs at most one upstream call per system and resource for 19 communes', async () => {
    await hub.resetStats();
    const police = hub.simulators.police.server as PoliceSimulator;
    const operationsBefore = police.operationCounts();
    const { body } = await hub.query(districtQuery, { district: '148', period: june2025 });
    expect(body.errors).toBeUndefined();
    expect(communesOf(body)).toHaveLength(19);
    const stats = Object.fromEntries(
      await Promise.all(provinceSystems.map(async (s) => [s, (await hub.simulators[s].stats()).byRoute])),
    );
    expect(stats).toEqual({
      // The district itself, then its province (the next plan step), and its communes: one list call.
      catalog: { 'GET /api/v1/units:batchGet': 2, 'GET /api/v1/units': 1 },
      egov: { 'GET /api/v1/thongke/hoso': 1, 'GET /api/v1/thongke/phananh': 1 },
      // One SOAP endpoint: GetIncidentStatistics, GetAccidentStatistics and ListCameras, each once.
      police: { 'POST /soap/PoliceService': 3 },
      health: {
        'GET /api/v1/facilities': 1,
        'GET /api/v1/bed-reports/summary': 1,
        'GET /api/v1/surveillance/weekly-cases': 1,
      },
      environment: { 'GET /api/v1/stations': 1, 'GET /api/v1/readings': 1 },
    });
    const operations = Object.entries(police.operationCounts())
      .map(([name, count]) => [name, count - (operationsBefore[name] ?? 0)] as const)
      .filter(([, count]) => count > 0);
    expect(Object.fromEntries(operations)).toEqual({
      GetIncidentStatistics: 1,
      GetAccidentStatistics: 1,
      ListCameras: 1,
    });
  });

  it.each([
    ['answers 503', { status: 503 }, 'UPSTREAM_ERROR'],
    ['never answers', { timeout: true }, 'UPSTREAM_TIMEOUT'],
  ])('loses only the police fields when the police system %s', async (_what, fault, code) => {
    await hub.simulators.police.addFault(fault);
    const { status, body } = await hub.query(districtQuery, { district: '148', period: june2025 });
    expect(status).toBe(200);
    const communes = communesOf(body);
    expect(communes).toHaveLength(19);
    for (const commune of communes) {
      for (const field of policeFields) expect(commune[field]).toBeNull();
      expect(commune['dossierStats']).toEqual(expect.objectContaining({ received: expect.any(Number) }));
      expect(commune['bedOccupancy']).toEqual(expect.objectContaining({ beds: expect.any(Number) }));
      expect(commune['monitoringStations']).toEqual(expect.any(Array));
    }
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions).toEqual({ code, subgraph: 'police' });
      expect(policeFields).toContain(error.path?.at(-1));
      expect(error.path?.slice(0, 2)).toEqual(['district', 'communes']);
      expect(error.message).not.toMatch(/injected|<soap|Envelope/i);
    }
  });
});

describe('request id', () => {
  it('travels from the client through the gateway and every subgraph to every simulator', async () => {
    const requestId = `ioc-e2e-${randomUUID()}`;
    const { headers, body } = await hub.query(
      overviewQuery,
      { province: '17', period: june2025 },
      { 'x-request-id': requestId },
    );
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-request-id')).toBe(requestId);
    for (const system of provinceSystems) {
      const { recentRequestIds } = await hub.simulators[system].stats();
      expect({ system, seen: recentRequestIds.includes(requestId) }).toEqual({ system, seen: true });
    }
  });
});

describe('gateway trust', () => {
  it('refuses a call to a subgraph that goes around the gateway', async () => {
    const response = await fetch(hub.subgraphUrls.police, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cameras { id } }' }),
    });
    const body = (await response.json()) as GraphQLResult;
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });
});
