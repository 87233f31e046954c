import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';
import { startProvinceHub, type GraphQLResult, type ProvinceHub } from '../harness/startProvinceHub.js';

// Every operation of docs/queries, as the IOC's wall screens send them, through the compiled gateway bin (with auth
// as in production: a real token of the ioc-dashboard client) against the whole simulated province.

const june2025 = { from: '2025-06-01', to: '2025-06-30' };
const operation = (file: string) => readFileSync(path.join(repositoryRoot, 'docs', 'queries', file), 'utf8');

let hub: ProvinceHub;
beforeAll(async () => {
  hub = await startProvinceHub({ gateway: 'process', defaultClient: 'ioc-dashboard' });
}, 120_000);
afterAll(() => hub?.close());

type Row = Record<string, unknown> & { code: string; name: string };
// The answers are untyped JSON walked by expect(); the operations, not TypeScript, define their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function run(file: string, variables: Record<string, unknown>): Promise<Record<string, Json>> {
  const { status, body } = await hub.query(operation(file), variables);
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return (body as GraphQLResult & { data: Record<string, Json> }).data;
}

describe('the IOC screens through the gateway', () => {
  it('ProvinceOverview: KPI tiles of Hòa Bình in June 2025 from all five systems', async () => {
    const data = await run('provinceOverview.graphql', { province: '17', period: june2025 });
    const p = data['province'];
    expect(p).toMatchObject({ code: '17', name: 'Tỉnh Hòa Bình', validTo: '2025-06-30' });
    expect(p.dossierStats.received).toBeGreaterThan(0);
    expect(p.dossierStats.resolvedOnTime + p.dossierStats.resolvedLate).toBeLessThanOrEqual(
      p.dossierStats.received,
    );
    expect(p.serviceIndex.components.map((c: { group: string }) => c.group)).toEqual([
      'PUBLICITY',
      'PROGRESS',
      'ONLINE_SERVICE',
      'DIGITISATION',
      'SATISFACTION',
    ]);
    expect(p.serviceIndex.total).toBeGreaterThan(0);
    expect(p.serviceIndex.total).toBeLessThanOrEqual(100);
    expect(p.incidentStats.total).toBeGreaterThan(0);
    expect(p.accidentStats.accidents).toBeGreaterThan(0);
    expect(p.cameraCount).toBe(326);
    expect(p.onlineCameras).toBeGreaterThan(0);
    expect(p.onlineCameras).toBeLessThan(326);
    expect(p.bedOccupancy).toMatchObject({ facilities: 170 });
    expect(p.bedOccupancy.occupancyRate).toBeGreaterThan(0);
    expect(p.airQuality.value).toBeGreaterThan(0);
    expect(p.airQuality.colour.hex).toMatch(/^#[0-9A-F]{6}$/);
    expect(p.airQuality.station.id).toMatch(/^HBH-KK-\d\d$/);
    expect(data['reservoir'].name).toBe('Hồ thủy điện Hòa Bình');
    expect(data['reservoir'].current.waterLevelM).toBeGreaterThan(80);
    expect(data['reservoir'].current.observedAt).toMatch(/\+07:00$/);
  });

  it('DistrictWithCommunes: district 148 Thành phố Hòa Bình with its 19 communes, a column per system', async () => {
    const data = await run('districtCommunes.graphql', { district: '148', period: june2025 });
    const district = data['district'];
    expect(district).toMatchObject({
      code: '148',
      name: 'Thành phố Hòa Bình',
      kind: 'CITY',
      province: { code: '17', name: 'Tỉnh Hòa Bình' },
    });
    const communes = district.communes as Row[];
    expect(communes).toHaveLength(19);
    expect(communes.slice(0, 3).map((c) => c.name)).toEqual([
      'Phường Thái Bình',
      'Phường Tân Hòa',
      'Phường Thịnh Lang',
    ]);
    for (const commune of communes) {
      expect(commune.code).toMatch(/^\d{5}$/);
      expect(commune).toEqual(
        expect.objectContaining({
          dossierStats: expect.objectContaining({ received: expect.any(Number) }),
          citizenReportStats: expect.objectContaining({ total: expect.any(Number) }),
          incidentStats: expect.objectContaining({ total: expect.any(Number) }),
          accidentStats: expect.objectContaining({ accidents: expect.any(Number) }),
          cameraCount: expect.any(Number),
          bedOccupancy: expect.objectContaining({ beds: expect.any(Number) }),
          monitoringStations: expect.any(Array),
        }),
      );
      // Every old commune had its own health station and one-stop desk.
      expect((commune['healthFacilities'] as { type: string }[]).map((f) => f.type)).toContain(
        'COMMUNE_HEALTH_STATION',
      );
      expect((commune['dossierStats'] as { received: number }).received).toBeGreaterThan(0);
    }
    const thaiBinh = communes[0]!;
    expect(thaiBinh['monitoringStations']).toEqual([{ id: 'HBH-KK-02', type: 'AIR' }]);
    expect(thaiBinh['airQuality']).toMatchObject({ value: expect.any(Number), band: expect.any(String) });
    const sum = (key: string, field: string) =>
      communes.reduce((total, c) => total + ((c[key] as Record<string, number>)[field] ?? 0), 0);
    expect(sum('incidentStats', 'total')).toBeGreaterThan(10);
    expect(sum('citizenReportStats', 'total')).toBeGreaterThan(10);
  });

  it('MapLayer: stations and cameras with coordinates inside the province', async () => {
    const data = await run('mapLayer.graphql', {});
    const stations = data['monitoringStations'].nodes as Row[];
    expect(stations).toHaveLength(23);
    expect(stations.filter((s) => s['type'] === 'AIR')).toHaveLength(15);
    const cameras = data['cameras'] as Row[];
    expect(cameras).toHaveLength(326);
    for (const point of [...stations, ...cameras]) {
      const { latitude, longitude } = point['location'] as { latitude: number; longitude: number };
      expect(latitude).toBeGreaterThan(20.3);
      expect(latitude).toBeLessThan(21.1);
      expect(longitude).toBeGreaterThan(104.8);
      expect(longitude).toBeLessThan(105.9);
      expect((point['unit'] as Row).name).toMatch(/^(Phường|Xã|Thị trấn) /);
    }
    const city = await run('mapLayer.graphql', {
      bbox: { minLatitude: 20.75, minLongitude: 105.25, maxLatitude: 20.9, maxLongitude: 105.4 },
      cameraStatus: 'ONLINE',
    });
    const cityCameras = city['cameras'] as Row[];
    expect(cityCameras.length).toBeGreaterThan(0);
    expect(cityCameras.length).toBeLessThan(cameras.length);
    expect(new Set(cityCameras.map((c) => c['status']))).toEqual(new Set(['ONLINE']));
  });

  it('CitizenReportWithHistory: a report with its agencies and history, the reporter masked', async () => {
    const data = await run('citizenReport.graphql', { id: 'PA-2025-000376' });
    const report = data['citizenReport'];
    expect(report).toMatchObject({
      id: 'PA-2025-000376',
      category: 'PUBLIC_ORDER',
      status: 'RESOLVED',
      unit: { code: '04789', name: 'Phường Thái Bình', parent: { name: 'Thành phố Hòa Bình' } },
      handlingAgency: { code: 'CA-17-04789', name: 'Công an phường Thái Bình' },
    });
    expect(report.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'RECEIVED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);
    expect(report.statusHistory[0].agency).toEqual({
      code: 'SKHCN-17',
      name: 'Sở Khoa học và Công nghệ tỉnh Hòa Bình',
    });
    // ioc-dashboard has no pii:read: personal data arrives masked, never in clear.
    expect(report.reporterPhone).toMatch(/^\d{4}\*{3}\d{3}$/);
    expect(report.reporterName).toMatch(/^(\p{Lu}\. ?)+$/u);
  });

  it('ReservoirPanel: the Hòa Bình reservoir and its hourly curve', async () => {
    const data = await run('reservoirPanel.graphql', {
      from: '2026-11-24T12:00:00+07:00',
      to: '2026-11-25T12:00:00+07:00',
    });
    const reservoir = data['reservoir'];
    expect(reservoir).toMatchObject({
      id: 'HOA_BINH',
      river: 'Sông Đà',
      normalWaterLevelM: 117,
      deadWaterLevelM: 80,
      spillwayGates: 12,
    });
    expect(reservoir.current.waterLevelM).toBeGreaterThan(80);
    expect(reservoir.current.waterLevelM).toBeLessThanOrEqual(120);
    expect(reservoir.observations).toHaveLength(25);
    expect(['RISING', 'FALLING', 'STEADY']).toContain(reservoir.trend24h);
  });

  it('DiseaseSurveillancePanel: dengue weeks W14–W26 of 2025 in province 17, beds and EPI coverage', async () => {
    const data = await run('diseaseSurveillance.graphql', {
      unit: '17',
      disease: 'DENGUE',
      fromWeek: '2025-W14',
      toWeek: '2025-W26',
    });
    expect(data['notifiableDiseases']).toContainEqual({
      disease: 'DENGUE',
      icd10: 'A97',
      name: 'Sốt xuất huyết Dengue',
    });
    const weeks = data['weekly'] as { isoWeek: string; cases: number }[];
    expect(weeks.map((w) => w.isoWeek)).toEqual(
      Array.from({ length: 13 }, (_, i) => `2025-W${String(14 + i).padStart(2, '0')}`),
    );
    expect(data['unit'].name).toBe('Tỉnh Hòa Bình');
    expect(data['unit'].vaccinationCoverage.length).toBeGreaterThan(0);
    for (const row of data['unit'].vaccinationCoverage as { coveragePercent: number }[]) {
      expect(row.coveragePercent).toBeGreaterThan(0);
      expect(row.coveragePercent).toBeLessThanOrEqual(100);
    }
  });

  it('AgencyDossierPanel: UBND Thành phố Hòa Bình and its dossiers in June 2025', async () => {
    const data = await run('agencyDossiers.graphql', { code: 'UBND-17-148', period: june2025 });
    const agency = data['agency'];
    expect(agency).toMatchObject({
      code: 'UBND-17-148',
      name: 'Ủy ban nhân dân thành phố Hòa Bình',
      kind: 'PEOPLES_COMMITTEE',
      unit: { code: '148', name: 'Thành phố Hòa Bình' },
      parent: { code: 'UBND-17' },
      validTo: '2025-06-30',
    });
    const stats = agency.dossierStats;
    expect(stats.received).toBeGreaterThan(0);
    expect(stats.resolvedOnTime + stats.resolvedLate + stats.returned + stats.inProgress).toBeLessThanOrEqual(
      stats.received,
    );
    expect(stats.onTimeRate).toBeGreaterThan(0.5);
  });

  it('refuses the IOC screens without a token (auth required)', async () => {
    const { status, body } = await hub.query(operation('reservoirPanel.graphql'), {}, { authorization: '' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
