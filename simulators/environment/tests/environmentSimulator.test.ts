import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SimulatorServer } from '@lgsp/simulator-kit';
import { createEnvironmentSimulator } from '../src/index.js';

// A fixed clock: 2026-11-25 12:30 +07:00, so the current hour is 12:00 +07:00.
const NOW = Date.parse('2026-11-25T12:30:00+07:00');
let simulator: SimulatorServer;

interface Reading {
  stationId: string;
  time: string;
  values: Record<string, number | null>;
}

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}/api/v1${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const at = (iso: string): string => encodeURIComponent(iso);

beforeAll(async () => {
  simulator = await createEnvironmentSimulator({ now: () => NOW });
});
afterAll(() => simulator.close());

describe('environment simulator: stations', () => {
  it('lists 15 air and 8 water stations inside Hòa Bình, cursor-paged', async () => {
    const first = await get('/stations?limit=20');
    const paging = first.body.paging as { nextCursor: string };
    const second = await get(`/stations?limit=20&cursor=${paging.nextCursor}`);
    const stations = [...(first.body.data as never[]), ...(second.body.data as never[])] as {
      stationType: string;
      lat: number;
      lng: number;
    }[];
    expect(stations.filter((s) => s.stationType === 'AIR')).toHaveLength(15);
    expect(stations.filter((s) => s.stationType === 'WATER')).toHaveLength(8);
    for (const station of stations) {
      expect(station.lat).toBeGreaterThan(20.3);
      expect(station.lat).toBeLessThan(21.1);
      expect(station.lng).toBeGreaterThan(104.8);
      expect(station.lng).toBeLessThan(105.9);
    }
    expect((second.body.paging as { nextCursor: string | null }).nextCursor).toBeNull();
  });

  it('finds stations by any code of their place: new commune, former commune, former district, province', async () => {
    const ids = async (codes: string) =>
      ((await get(`/stations?areaCodes=${codes}&limit=200`)).body.data as { stationId: string }[]).map(
        (s) => s.stationId,
      );
    expect(await ids('04807')).toEqual(['HBH-KK-01']);
    expect(await ids('04795')).toEqual(['HBH-KK-01', 'HBH-KK-04']);
    expect(await ids('17')).toHaveLength(23);
  });
});

describe('environment simulator: readings', () => {
  it('serves hourly readings with +07:00 timestamps for many stations in one call', async () => {
    const { body } = await get(
      `/readings?stationIds=HBH-KK-01,HBH-NM-01&from=${at('2026-11-25T00:00:00+07:00')}&to=${at('2026-11-25T11:00:00+07:00')}`,
    );
    const data = body.data as Reading[];
    expect(data).toHaveLength(24);
    expect(data[0]).toMatchObject({ stationId: 'HBH-KK-01', time: '2026-11-25T00:00:00+07:00' });
    expect(Object.keys(data[0]!.values)).toEqual(['PM2.5', 'PM10', 'NO2', 'SO2', 'CO', 'O3']);
    expect(Object.keys(data[23]!.values)).toEqual(['pH', 'DO', 'COD', 'BOD5', 'TSS', 'NH4+']);
  });

  it('is deterministic: the same hour has the same values in any request', async () => {
    const one = await get(
      `/readings?stationIds=HBH-KK-06&from=${at('2026-11-20T08:00:00+07:00')}&to=${at('2026-11-20T08:00:00+07:00')}`,
    );
    const wide = await get(
      `/readings?stationIds=HBH-KK-06&from=${at('2026-11-20T00:00:00+07:00')}&to=${at('2026-11-20T23:00:00+07:00')}`,
    );
    expect((wide.body.data as Reading[])[8]).toEqual((one.body.data as Reading[])[0]);
  });

  it('keeps 4 weeks of history and has pollution episodes with PM2.5 far above the usual level', async () => {
    const from = at('2026-10-28T00:00:00+07:00');
    const { body } = await get(`/readings?stationIds=HBH-KK-06,HBH-KK-09,HBH-KK-12&from=${from}&limit=5000`);
    const data = body.data as Reading[];
    expect(data.filter((r) => r.stationId === 'HBH-KK-06')).toHaveLength(672);
    const pm = data.map((r) => r.values['PM2.5']).filter((v): v is number => v !== null);
    const median = [...pm].sort((a, b) => a - b)[Math.floor(pm.length / 2)]!;
    expect(Math.max(...pm)).toBeGreaterThan(2 * median);
  });

  it('gives the latest reading of many stations in one call; an offline station has an old one', async () => {
    const { body } = await get('/readings/latest?stationIds=HBH-KK-01,HBH-KK-13');
    const data = body.data as Reading[];
    expect(data[0]).toMatchObject({ stationId: 'HBH-KK-01', time: '2026-11-25T12:00:00+07:00' });
    expect(data[1]!.stationId).toBe('HBH-KK-13');
    expect(Date.parse(data[1]!.time)).toBeLessThan(NOW - 29 * 3_600_000);
  });

  it('refuses timestamps without an offset and too many stations', async () => {
    expect((await get('/readings?stationIds=HBH-KK-01&from=2026-11-25T00:00:00')).status).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => `S${i}`).join(',');
    expect((await get(`/readings?stationIds=${many}`)).status).toBe(400);
  });
});

describe('environment simulator: reservoir', () => {
  it('describes the Hòa Bình reservoir with its latest hourly observation', async () => {
    const { body } = await get('/reservoirs/HOA_BINH');
    expect(body).toMatchObject({
      reservoirName: 'Hồ thủy điện Hòa Bình',
      normalWaterLevel: 117,
      deadWaterLevel: 80,
    });
    const latest = body.latest as { time: string; waterLevel: number };
    expect(latest.time).toBe('2026-11-25T12:00:00+07:00');
    expect(latest.waterLevel).toBeGreaterThan(105);
    expect(latest.waterLevel).toBeLessThanOrEqual(117.5);
  });

  it('serves 4 weeks of hourly observations, levels within the operating range', async () => {
    const { body } = await get(
      `/reservoirs/HOA_BINH/observations?from=${at('2026-10-01T00:00:00+07:00')}&limit=5000`,
    );
    const data = body.data as { waterLevel: number; inflow: number; totalDischarge: number }[];
    expect(data).toHaveLength(672);
    for (const observation of data) {
      expect(observation.waterLevel).toBeGreaterThan(100);
      expect(observation.waterLevel).toBeLessThan(117.5);
      expect(observation.inflow).toBeGreaterThan(0);
      expect(observation.totalDischarge).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an unknown reservoir', async () => {
    expect((await get('/reservoirs/SON_LA')).status).toBe(404);
  });
});
