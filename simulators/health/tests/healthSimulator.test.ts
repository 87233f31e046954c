import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHealthDataset,
  createHealthSimulator,
  type BedReport,
  type BedSummary,
  type CaseRow,
  type CitizenRecord,
  type CoverageRow,
  type Facility,
  type HealthSimulator,
} from '../src/index.js';

interface Reply<T> {
  status: number;
  body: { data: T; meta: { page: number; perPage: number; total: number }; error?: { code: string } };
}

let simulator: HealthSimulator;

async function get<T>(path: string): Promise<Reply<T>> {
  const response = await fetch(`${simulator.url}${path}`);
  return { status: response.status, body: (await response.json()) as Reply<T>['body'] };
}

async function searchRecords(body: unknown): Promise<Reply<CitizenRecord[]>> {
  const response = await fetch(`${simulator.url}/api/v1/immunization/records/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Reply<CitizenRecord[]>['body'] };
}

beforeAll(async () => {
  simulator = await createHealthSimulator({ port: 0 });
});
afterAll(() => simulator.close());

describe('health simulator: facility registry', () => {
  it('pages facilities in the { data, meta } envelope', async () => {
    const { body } = await get<Facility[]>('/api/v1/facilities?page=2&perPage=50');
    expect(body.meta).toEqual({ page: 2, perPage: 50, total: 170 });
    expect(body.data).toHaveLength(50);
  });

  it('serves the provincial hospital, ten district medical centres and one station per commune', async () => {
    const hospitals = await get<Facility[]>('/api/v1/facilities?category=BV_DA_KHOA_TINH');
    expect(hospitals.body.data.map((f) => f.facilityName)).toEqual(['Bệnh viện Đa khoa tỉnh Hòa Bình']);
    const centres = await get<Facility[]>('/api/v1/facilities?category=TTYT_HUYEN');
    expect(centres.body.meta.total).toBe(10);
    expect(centres.body.data.map((f) => f.facilityName)).toContain('Trung tâm Y tế huyện Mai Châu');
    const stations = await get<Facility[]>('/api/v1/facilities?category=TRAM_Y_TE&perPage=500');
    expect(new Set(stations.body.data.map((f) => f.communeCode)).size).toBe(151);
  });

  it('filters by many unit codes in one call: a commune, a district, a province', async () => {
    const { body } = await get<Facility[]>('/api/v1/facilities?unitCodes=05212,150&perPage=500');
    const names = body.data.map((f) => f.facilityName);
    expect(names).toContain('Trạm Y tế xã Hang Kia');
    expect(names).toContain('Trung tâm Y tế huyện Đà Bắc');
    // 05212 is also the code of the new Xã Pà Cò (from 2025-07-01), so its predecessors' stations count too.
    const matches = (f: Facility) =>
      [f.communeCode, f.newCommuneCode, f.districtCode].some((c) => ['05212', '150'].includes(c));
    expect(body.data.every(matches)).toBe(true);
    expect(names).toContain('Trạm Y tế xã Pà Cò');
    const province = await get<Facility[]>('/api/v1/facilities?unitCodes=17&perPage=1');
    expect(province.body.meta.total).toBe(170);
  });

  it('places every facility inside Hòa Bình province', () => {
    for (const facility of simulator.dataset.facilities) {
      expect(facility.geo.lat).toBeGreaterThanOrEqual(20.3);
      expect(facility.geo.lat).toBeLessThanOrEqual(21.1);
      expect(facility.geo.lng).toBeGreaterThanOrEqual(104.8);
      expect(facility.geo.lng).toBeLessThanOrEqual(105.9);
    }
  });

  it('answers one facility by code, and 404 for an unknown code', async () => {
    expect((await get<Facility>('/api/v1/facilities/17001')).body.data.bedsActual).toBeGreaterThan(700);
    const unknown = await get<Facility>('/api/v1/facilities/17999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error!.code).toBe('NOT_FOUND');
  });
});

describe('health simulator: bed reports', () => {
  it('reports the latest day by default, for many facilities in one call', async () => {
    const { body } = await get<BedReport[]>('/api/v1/bed-reports?facilityCodes=17001,17999,17101');
    expect(body.data.map((r) => r.facilityCode)).toEqual(['17001', '17101']);
    expect(body.data[0]!.reportDate).toBe('2025-12-28');
    expect(body.data[0]!.occupancyPct).toBeGreaterThan(80);
  });

  it('summarises beds per unit and refuses a malformed date', async () => {
    const { body } = await get<BedSummary[]>(
      '/api/v1/bed-reports/summary?unitCodes=148,05212&date=2025-10-01',
    );
    expect(body.data.map((r) => [r.unitCode, r.reportDate])).toEqual([
      ['148', '2025-10-01'],
      ['05212', '2025-10-01'],
    ]);
    expect(body.data[0]!.facilityCount).toBeGreaterThan(body.data[1]!.facilityCount);
    expect(
      (await get<BedSummary[]>('/api/v1/bed-reports/summary?unitCodes=148&date=01/10/2025')).status,
    ).toBe(400);
    expect(
      (await get<BedSummary[]>('/api/v1/bed-reports/summary?unitCodes=148&date=2019-01-01')).body.data,
    ).toEqual([]);
  });
});

describe('health simulator: surveillance', () => {
  it('keeps weeks before the reform on the old units and later weeks on the new ones', async () => {
    const old = await get<CaseRow[]>(
      '/api/v1/surveillance/weekly-cases?unitCodes=04789&diseaseCode=A97&perPage=10000',
    );
    expect(old.body.data.at(-1)!.isoWeek).toBe('2025-W26');
    const recent = await get<CaseRow[]>(
      '/api/v1/surveillance/weekly-cases?unitCodes=17,25&diseaseCode=B05&lastWeeks=4',
    );
    expect(recent.body.data.map((r) => `${r.unitCode} ${r.isoWeek}`)).toEqual([
      '25 2025-W49',
      '25 2025-W50',
      '25 2025-W51',
      '25 2025-W52',
    ]);
  });

  it('shows the seeded outbreaks above the seasonal baseline', async () => {
    const { body } = await get<CaseRow[]>(
      '/api/v1/surveillance/weekly-cases?unitCodes=156&diseaseCode=B05&fromWeek=2025-W01&toWeek=2025-W26&perPage=100',
    );
    const cases = body.data.map((r) => r.cases);
    expect(Math.max(...cases)).toBeGreaterThan(5);
    expect(body.data[0]!.weekStart).toBe('2024-12-30');
  });

  it('refuses an ISO week that does not exist', async () => {
    expect(
      (await get<CaseRow[]>('/api/v1/surveillance/weekly-cases?unitCodes=17&fromWeek=2025-W60')).status,
    ).toBe(400);
  });
});

describe('health simulator: immunisation registry', () => {
  it('reports coverage for each unit’s latest year, or the year asked for', async () => {
    const latest = await get<CoverageRow[]>('/api/v1/immunization/coverage?unitCodes=04789,04828');
    expect(latest.body.data.filter((r) => r.unitCode === '04789')[0]!.year).toBe(2024);
    expect(latest.body.data.filter((r) => r.unitCode === '04828')[0]!.year).toBe(2025);
    const asked = await get<CoverageRow[]>('/api/v1/immunization/coverage?unitCodes=17&year=2024');
    const dpt = asked.body.data.find((r) => r.indicator === 'DPT_VGB_HIB_3');
    expect(dpt!.coveragePct).toBeGreaterThan(85);
    expect(dpt!.vaccinated).toBeLessThanOrEqual(dpt!.targetPopulation);
  });

  it('finds records by CCCD through a POST search and skips unknown numbers', async () => {
    const known = simulator.dataset.citizens[0]!;
    const { body } = await searchRecords({ cccds: ['017000000000', known.cccd] });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.cccd).toBe(known.cccd);
    expect(body.data[0]!.cccd).toMatch(/^017[0-3]\d{8}$/);
    expect((await searchRecords({ cccd: known.cccd })).status).toBe(400);
  });
});

describe('health dataset', () => {
  it('is the same for the same seed and differs for another', () => {
    const again = createHealthDataset({ seed: 17 });
    expect(again.citizens.slice(0, 5)).toEqual(simulator.dataset.citizens.slice(0, 5));
    expect(createHealthDataset({ seed: 18 }).citizens[0]!.cccd).not.toBe(simulator.dataset.citizens[0]!.cccd);
  });
});
