import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits } from '@lgsp/simulator-kit';
import { createPoliceSimulator, type PoliceSimulator } from '@lgsp/simulator-police';
import { pino } from 'pino';
import { createPoliceSubgraph, loadPoliceConfig, type PoliceSubgraph } from '../src/index.js';

let simulator: PoliceSimulator;
let subgraph: PoliceSubgraph;

const BEFORE_REFORM = { from: '2024-07-01', to: '2025-06-30' };

async function run(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  return subgraph.executeOperation({ query, variables }, { headers });
}

beforeAll(async () => {
  simulator = await createPoliceSimulator();
  const config = loadPoliceConfig({
    env: {},
    values: { port: 0, upstream: { baseUrl: simulator.url, retries: 1 } },
  });
  subgraph = await createPoliceSubgraph(config, { listen: false, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await subgraph.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.clearFaults();
  simulator.resetStats();
});

describe('police subgraph: AdministrativeUnit across all communes', () => {
  const communeQuery = `query ($r: [_Any!]!, $p: PeriodInput!) {
    _entities(representations: $r) {
      ... on AdministrativeUnit {
        code
        incidentStats(period: $p) { total resolved byCategory { category label count } }
        accidentStats(period: $p) { accidents deaths }
        cameras { id location { latitude longitude } }
        cameraCount
      }
    }
  }`;

  it('answers 151 communes with one upstream call per resource', async () => {
    const representations = adminUnits.oldCommunes.map((unit) => ({
      __typename: 'AdministrativeUnit',
      code: unit.code,
    }));
    const result = await run(communeQuery, { r: representations, p: BEFORE_REFORM });
    expect(result.errors).toBeUndefined();
    const units = result.data?._entities as {
      code: string;
      incidentStats: { total: number };
      cameraCount: number;
    }[];
    expect(units).toHaveLength(151);
    expect(units.map((unit) => unit.code)).toEqual(adminUnits.oldCommunes.map((unit) => unit.code));
    expect(simulator.operationCounts()).toEqual({
      GetIncidentStatistics: 1,
      GetAccidentStatistics: 1,
      ListCameras: 1,
    });
    expect(simulator.stats().total).toBe(3);

    const province = await run(
      `{ incidentStats(unitCode: "17", period: { from: "2024-07-01", to: "2025-06-30" }) { total } }`,
    );
    const communeTotal = units.reduce((sum, unit) => sum + unit.incidentStats.total, 0);
    expect(communeTotal).toBe((province.data?.incidentStats as { total: number }).total);
    expect(units.reduce((sum, unit) => sum + unit.cameraCount, 0)).toBeGreaterThan(200);
  });

  it('gives null statistics and no cameras for a code the police system does not know', async () => {
    const result = await run(communeQuery, {
      r: [{ __typename: 'AdministrativeUnit', code: '99999' }],
      p: BEFORE_REFORM,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { code: '99999', incidentStats: null, accidentStats: null, cameras: [], cameraCount: 0 },
    ]);
  });

  it('labels categories in Vietnamese and keeps pre-reform statistics on the old units', async () => {
    const result = await run(`{
      old: incidentStats(unitCode: "148", period: { from: "2025-07-01", to: "2025-12-31" }) { total }
      city: incidentStats(unitCode: "148", period: { from: "2024-07-01", to: "2025-06-30" }) {
        unitCode from to total resolved resolutionRate byCategory { category label count }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.old).toEqual({ total: 0 });
    const city = result.data?.city as {
      total: number;
      resolutionRate: number;
      byCategory: { category: string; label: string; count: number }[];
    };
    expect(city.total).toBeGreaterThan(50);
    expect(city.resolutionRate).toBeGreaterThan(0);
    expect(city.byCategory.find((entry) => entry.category === 'THEFT')?.label).toBe('Trộm cắp tài sản');
    expect(city.byCategory.reduce((sum, entry) => sum + entry.count, 0)).toBe(city.total);
  });
});

describe('police subgraph: incident and accident registers', () => {
  it("pages a unit's incidents newest first, with people and exact locations as personal-data fields", async () => {
    const result = await run(`{
      incidents(unitCode: "148", period: { from: "2024-07-01", to: "2025-06-30" }, page: 2, pageSize: 5) {
        totalCount page pageSize hasNextPage
        items { id category occurredAt status unitCode unit { code } location sceneAddress
                involvedPersons { role fullName cccd } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const page = result.data?.incidents as {
      totalCount: number;
      page: number;
      hasNextPage: boolean;
      items: {
        id: string;
        occurredAt: string;
        location: string;
        unit: { code: string };
        involvedPersons: { cccd: string }[];
      }[];
    };
    expect(page).toMatchObject({ page: 2, pageSize: 5, hasNextPage: true });
    expect(page.items).toHaveLength(5);
    const times = page.items.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const item of page.items) {
      expect(item.id).toMatch(/^VV-202[45]-\d{6}$/);
      expect(item.occurredAt).toMatch(/\+07:00$/);
      expect(item.location).toMatch(/^20\.\d{5},10[45]\.\d{5}$/);
    }
    expect(
      page.items.flatMap((item) => item.involvedPersons).every((person) => /^\d{12}$/.test(person.cccd)),
    ).toBe(true);
  });

  it('filters incidents by category and fetches one by case number or by entity reference', async () => {
    const list = await run(`{
      incidents(unitCode: "17", period: { from: "2024-07-01", to: "2025-06-30" }, category: DRUGS, pageSize: 3) {
        items { id category categoryLabel }
      }
    }`);
    const items = (
      list.data?.incidents as { items: { id: string; category: string; categoryLabel: string }[] }
    ).items;
    expect(items.map((item) => item.category)).toEqual(['DRUGS', 'DRUGS', 'DRUGS']);
    expect(items[0]!.categoryLabel).toBe('Tội phạm về ma túy');
    const one = await run(
      `query ($r: [_Any!]!, $id: ID!) {
        incident(id: $id) { id summary handlingUnit }
        missing: incident(id: "VV-2099-000001") { id }
        _entities(representations: $r) { ... on SecurityIncident { id category } }
      }`,
      { id: items[0]!.id, r: [{ __typename: 'SecurityIncident', id: items[1]!.id }] },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data?.incident).toMatchObject({
      id: items[0]!.id,
      handlingUnit: expect.stringMatching(/^Công an /),
    });
    expect(one.data?.missing).toBeNull();
    expect(one.data?._entities).toEqual([{ id: items[1]!.id, category: 'DRUGS' }]);
    expect(simulator.operationCounts()).toMatchObject({ GetIncident: 1 });
  });

  it('reports accidents with vehicles, plates and the Vietnamese cause', async () => {
    const result = await run(`{
      accidentStats(unitCode: "17", period: { from: "2024-07-01", to: "2025-06-30" }) { accidents deaths injuries vehiclesInvolved }
      accidents(unitCode: "17", period: { from: "2024-07-01", to: "2025-06-30" }, pageSize: 20) {
        totalCount items { id roadName cause causeLabel deaths vehicles { type typeLabel plateNumber driverName } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const stats = result.data?.accidentStats as { accidents: number; deaths: number };
    const page = result.data?.accidents as {
      totalCount: number;
      items: { vehicles: { type: string; plateNumber: string | null }[] }[];
    };
    expect(page.totalCount).toBe(stats.accidents);
    const plates = page.items
      .flatMap((item) => item.vehicles)
      .flatMap((vehicle) => vehicle.plateNumber ?? []);
    expect(plates.length).toBeGreaterThan(10);
    expect(plates.every((plate) => /^\d{2}[A-Z]\d?-\d{3}\.\d{2}$/.test(plate))).toBe(true);
  });
});
