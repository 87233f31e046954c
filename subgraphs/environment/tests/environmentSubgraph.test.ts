import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits, type SimulatorServer } from '@lgsp/simulator-kit';
import { createEnvironmentSimulator } from '@lgsp/simulator-environment';
import { pino } from 'pino';
import { bandOf, nowCast } from '../src/aqi/vnAqi.js';
import { createEnvironmentSubgraph, loadEnvironmentConfig, type EnvironmentSubgraph } from '../src/index.js';

// Both sides share one fixed clock: the current hour is 2026-11-25 12:00 +07:00.
const NOW = Date.parse('2026-11-25T12:20:00+07:00');
let simulator: SimulatorServer;
let subgraph: EnvironmentSubgraph;

async function run(query: string, variables?: Record<string, unknown>) {
  return subgraph.executeOperation({ query, variables });
}

async function upstream<T>(path: string): Promise<T> {
  return (await (await fetch(`${simulator.url}/api/v1${path}`)).json()) as T;
}

beforeAll(async () => {
  simulator = await createEnvironmentSimulator({ now: () => NOW });
  const config = loadEnvironmentConfig({
    env: {},
    values: { port: 0, upstream: { baseUrl: `${simulator.url}/api/v1`, retries: 1 } },
  });
  subgraph = await createEnvironmentSubgraph(config, {
    listen: false,
    now: () => NOW,
    log: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await subgraph.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.clearFaults();
  simulator.resetStats();
});

describe('environment subgraph: VN-AQI', () => {
  it('computes the hourly AQI from the last 12 hours, PM2.5 as NowCast, as the max of the sub-indices', async () => {
    const result = await run(`{ monitoringStation(id: "HBH-KK-06") { aqi {
      value band label colour { red green blue hex } dominantPollutant observedAt
      subIndices { parameter concentration value } station { id } } } }`);
    const aqi = (result.data?.monitoringStation as { aqi: Record<string, unknown> }).aqi as {
      value: number;
      band: string;
      label: string;
      colour: { red: number; green: number; blue: number };
      observedAt: string;
      subIndices: { parameter: string; concentration: number; value: number }[];
    };
    const raw = await upstream<{ data: { time: string; values: Record<string, number | null> }[] }>(
      `/readings?stationIds=HBH-KK-06&from=${encodeURIComponent('2026-11-25T01:00:00+07:00')}&to=${encodeURIComponent('2026-11-25T12:00:00+07:00')}`,
    );
    const pm25NewestFirst = raw.data.map((reading) => reading.values['PM2.5'] ?? null).reverse();
    const pm25 = aqi.subIndices.find((entry) => entry.parameter === 'PM2_5');
    expect(pm25?.concentration).toBeCloseTo(nowCast(pm25NewestFirst)!, 1);
    expect(aqi.observedAt).toBe('2026-11-25T12:00:00+07:00');
    expect(aqi.value).toBe(Math.max(...aqi.subIndices.map((entry) => entry.value)));
    const band = bandOf(aqi.value);
    expect(aqi).toMatchObject({ band: band.band, label: band.label });
    expect([aqi.colour.red, aqi.colour.green, aqi.colour.blue]).toEqual([...band.rgb]);
  });

  it('has no AQI for a water station nor for a station silent for a day', async () => {
    const result = await run(`{ w: monitoringStation(id: "HBH-NM-01") { aqi { value } }
      off: monitoringStation(id: "HBH-KK-13") { status aqi { value } } }`);
    expect(result.data).toEqual({ w: { aqi: null }, off: { status: 'OFFLINE', aqi: null } });
  });
});

describe('environment subgraph: AdministrativeUnit extension', () => {
  it('answers stations and air quality for all 197 commune versions with one call per resource', async () => {
    const codes = [
      ...new Set([...adminUnits.oldCommunes, ...adminUnits.newCommunes].map((unit) => unit.code)),
    ];
    const result = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
        code monitoringStations { id type } airQuality { value station { id } } } } }`,
      { r: codes.map((code) => ({ __typename: 'AdministrativeUnit', code })) },
    );
    expect(result.errors).toBeUndefined();
    const units = result.data?._entities as {
      code: string;
      monitoringStations: { id: string }[];
      airQuality: { value: number } | null;
    }[];
    expect(units).toHaveLength(codes.length);
    expect(units.find((unit) => unit.code === '04945')?.monitoringStations).toEqual([
      { id: 'HBH-KK-06', type: 'AIR' },
    ]);
    expect(units.filter((unit) => unit.airQuality !== null).length).toBeGreaterThan(10);
    expect(simulator.stats().byRoute).toEqual({ 'GET /api/v1/stations': 1, 'GET /api/v1/readings': 1 });
  });

  it('gives the worst AQI among the unit’s stations, and null for a unit without air stations', async () => {
    const result = await run(`{ _entities(representations: [
      { __typename: "AdministrativeUnit", code: "148" }, { __typename: "AdministrativeUnit", code: "05425" }
    ]) { ... on AdministrativeUnit { airQuality { value } monitoringStations(type: AIR) { aqi { value } } } } }`);
    const [city, none] = result.data?._entities as {
      airQuality: { value: number } | null;
      monitoringStations: { aqi: { value: number } | null }[];
    }[];
    const values = city!.monitoringStations.flatMap((station) => (station.aqi ? [station.aqi.value] : []));
    expect(city!.airQuality?.value).toBe(Math.max(...values));
    expect(none).toEqual({ airQuality: null, monitoringStations: [] });
  });
});

describe('environment subgraph: readings and exceedances', () => {
  const range = { from: '2026-11-11T00:00:00+07:00', to: '2026-11-25T12:00:00+07:00' };

  it('returns readings in the range, oldest first, limited by first', async () => {
    const result = await run(
      `query ($from: DateTime!, $to: DateTime!) { monitoringStation(id: "HBH-NM-05") {
        readings(from: $from, to: $to, first: 3) { observedAt value(parameter: NH4) measurements { parameter unit } } } }`,
      range,
    );
    const readings = (result.data?.monitoringStation as { readings: { observedAt: string }[] }).readings;
    expect(readings.map((reading) => reading.observedAt)).toEqual([
      '2026-11-11T00:00:00+07:00',
      '2026-11-11T01:00:00+07:00',
      '2026-11-11T02:00:00+07:00',
    ]);
    expect(readings[0]).toMatchObject({
      measurements: expect.arrayContaining([
        { parameter: 'NH4', unit: 'mg/L' },
        { parameter: 'PH', unit: '' },
      ]),
    });
  });

  it('reports exceedances past their limits, with 24-hour means for dust', async () => {
    const result = await run(
      `query ($from: DateTime!, $to: DateTime!) {
        air: monitoringStation(id: "HBH-KK-06") { exceedances(from: $from, to: $to) { parameter standard period observedAt value limit ratio } }
        water: monitoringStation(id: "HBH-NM-05") { exceedances(from: $from, to: $to) { parameter standard period value limit } } }`,
      range,
    );
    type Exceedance = { parameter: string; standard: string; period: string; value: number; limit: number };
    const air = (result.data?.air as { exceedances: Exceedance[] }).exceedances;
    const water = (result.data?.water as { exceedances: Exceedance[] }).exceedances;
    expect(air.length + water.length).toBeGreaterThan(0);
    for (const e of air) {
      expect(e.standard).toBe('QCVN 05:2023/BTNMT');
      expect(e.value).toBeGreaterThan(e.limit);
    }
    expect(
      air
        .filter((e) => e.parameter === 'PM2_5')
        .every((e) => e.period === 'TWENTY_FOUR_HOURS' && e.limit === 50),
    ).toBe(true);
    for (const e of water) {
      expect(e.standard).toBe('QCVN 08:2023/BTNMT');
      expect(e.parameter === 'DO' ? e.value < e.limit : e.value > e.limit).toBe(true);
    }
  });

  it('refuses reversed and too long ranges with BAD_USER_INPUT', async () => {
    const query = `query ($from: DateTime!, $to: DateTime!) { monitoringStation(id: "HBH-KK-01") { readings(from: $from, to: $to) { observedAt } } }`;
    const reversed = await run(query, { from: range.to, to: range.from });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await run(query, { from: '2026-09-01T00:00:00+07:00', to: range.to });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noOffset = await run(query, { from: '2026-11-20T00:00:00', to: range.to });
    expect(noOffset.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('environment subgraph: reservoir and lists', () => {
  it('shows the reservoir panel with level, 24-hour change and trend, inflow, discharge and gates', async () => {
    const result = await run(`{ reservoir { name normalWaterLevelM deadWaterLevelM spillwayGates
      current { observedAt waterLevelM inflowM3s dischargeM3s spillwayGatesOpen } levelChange24hM trend24h } }`);
    const panel = result.data?.reservoir as {
      current: { waterLevelM: number };
      levelChange24hM: number;
      trend24h: string;
    };
    const before = await upstream<{ data: { waterLevel: number }[] }>(
      `/reservoirs/HOA_BINH/observations?from=${encodeURIComponent('2026-11-24T12:00:00+07:00')}&to=${encodeURIComponent('2026-11-24T12:00:00+07:00')}`,
    );
    expect(panel).toMatchObject({ normalWaterLevelM: 117, deadWaterLevelM: 80, spillwayGates: 12 });
    expect(panel.levelChange24hM).toBeCloseTo(panel.current.waterLevelM - before.data[0]!.waterLevel, 2);
    const expected =
      panel.levelChange24hM > 0.05 ? 'RISING' : panel.levelChange24hM < -0.05 ? 'FALLING' : 'STEADY';
    expect(panel.trend24h).toBe(expected);
    expect(simulator.stats().total).toBe(3); // reservoir, the hour 24 h before (shared by two fields), our check
  });

  it('pages through stations with the system’s cursor', async () => {
    const query = `query ($after: String) { monitoringStations(type: AIR, first: 10, after: $after) { hasNextPage endCursor nodes { id } } }`;
    const first = (await run(query)).data?.monitoringStations as { endCursor: string; nodes: unknown[] };
    const second = (await run(query, { after: first.endCursor })).data?.monitoringStations as {
      hasNextPage: boolean;
      nodes: unknown[];
    };
    expect(first.nodes.length + second.nodes.length).toBe(15);
    expect(second.hasNextPage).toBe(false);
  });

  it('resolves station references in one batch and null for unknown ids', async () => {
    const result = await run(`{ _entities(representations: [
      { __typename: "MonitoringStation", id: "HBH-NM-03" }, { __typename: "MonitoringStation", id: "HBH-KK-99" },
      { __typename: "MonitoringStation", id: "HBH-KK-12" }]) { ... on MonitoringStation { id name unit { code } formerUnit { code } } } }`);
    expect(result.data?._entities).toEqual([
      {
        id: 'HBH-NM-03',
        name: 'Trạm nước mặt hồ Hòa Bình - cảng Thung Nai',
        unit: { code: '05092' },
        formerUnit: { code: '05095' },
      },
      null,
      {
        id: 'HBH-KK-12',
        name: 'Trạm không khí Mai Châu',
        unit: { code: '05200' },
        formerUnit: { code: '05200' },
      },
    ]);
    expect(simulator.stats().total).toBe(1);
  });

  it('turns an upstream timeout into UPSTREAM_TIMEOUT naming the subgraph', async () => {
    const config = loadEnvironmentConfig({
      env: {},
      values: {
        port: 0,
        upstream: { baseUrl: `${simulator.url}/api/v1`, requestTimeoutMs: 300, retries: 0 },
      },
    });
    const impatient = await createEnvironmentSubgraph(config, {
      listen: false,
      log: pino({ level: 'silent' }),
    });
    try {
      simulator.addFault({ route: '/api/v1/reservoirs', timeout: true });
      const result = await impatient.executeOperation({ query: '{ reservoir { name } }' });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        subgraph: 'environment',
      });
    } finally {
      simulator.clearFaults();
      await impatient.close();
    }
  });
});
