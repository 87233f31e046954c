import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits } from '@lgsp/simulator-kit';
import { startHealthStack, type HealthStack } from './startHealthStack.js';

let stack: HealthStack;

beforeAll(async () => {
  stack = await startHealthStack({ retries: 0 });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.simulator.clearFaults();
  stack.simulator.resetStats();
});

const run = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  stack.subgraph.executeOperation({ query, variables }, { headers });

const unitFields = `
  ... on AdministrativeUnit {
    code
    healthFacilities { id name type }
    bedOccupancy { facilities beds inpatients occupancyRate }
    diseaseCases(disease: DENGUE, weeks: 8) { isoWeek cases }
    vaccinationCoverage { year vaccine coveragePercent }
  }`;

const entities = (codes: readonly string[]) =>
  run(`query($r: [_Any!]!) { _entities(representations: $r) { ${unitFields} } }`, {
    r: codes.map((code) => ({ __typename: 'AdministrativeUnit', code })),
  });

describe('health subgraph: facilities', () => {
  it('resolves a facility with its units, location, beds and latest bed report', async () => {
    const result = await run(`{
      healthFacility(id: "17001") {
        name type unit { code } currentUnit { code } district { code }
        location { latitude longitude } beds plannedBeds occupancy { date occupancyRate }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.healthFacility).toMatchObject({
      name: 'Bệnh viện Đa khoa tỉnh Hòa Bình',
      type: 'PROVINCIAL_GENERAL_HOSPITAL',
      unit: { code: '04801' },
      district: { code: '148' },
      occupancy: { date: '2025-12-28' },
    });
  });

  it('answers null, not an error, for a facility the registry does not know', async () => {
    const result = await run('{ healthFacility(id: "17999") { name } }');
    expect(result).toEqual({ data: { healthFacility: null } });
  });

  it('pages the facilities of a district, filtered by type', async () => {
    const result = await run(
      '{ healthFacilities(unitCode: "156", type: COMMUNE_HEALTH_STATION, perPage: 5) { total page perPage items { name } } }',
    );
    const page = result.data?.healthFacilities as { total: number; items: { name: string }[] };
    expect(page.total).toBe(16);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.name).toMatch(/^Trạm Y tế /);
  });

  it('refuses a page size over 100 with BAD_USER_INPUT', async () => {
    const result = await run('{ healthFacilities(perPage: 1000) { total } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('health subgraph: AdministrativeUnit fields', () => {
  it('serves all 151 communes with one upstream call per resource', async () => {
    const codes = adminUnits.oldCommunes.map((unit) => unit.code);
    const result = await entities(codes);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(151);
    expect(stack.simulator.stats().byRoute).toEqual({
      'GET /api/v1/facilities': 1,
      'GET /api/v1/bed-reports/summary': 1,
      'GET /api/v1/surveillance/weekly-cases': 1,
      'GET /api/v1/immunization/coverage': 1,
    });
  });

  it('gives each commune its own station and the province every facility', async () => {
    const result = await entities(['05212', '17']);
    const [commune, province] = result.data?._entities as { healthFacilities: { name: string }[] }[];
    expect(commune!.healthFacilities.map((f) => f.name)).toContain('Trạm Y tế xã Hang Kia');
    expect(province!.healthFacilities).toHaveLength(170);
  });

  it('lists each facility once in a commune the reform kept (same old and new code)', async () => {
    const result = await entities(['04792']);
    const [commune] = result.data?._entities as { healthFacilities: { id: string }[] }[];
    const ids = commune!.healthFacilities.map((facility) => facility.id);
    expect(ids).toEqual(expect.arrayContaining(['17004', '17102']));
    expect(ids).toEqual([...new Set(ids)]);
  });

  it('keeps weeks after the reform on the new communes only', async () => {
    const result = await entities(['04789', '04828']);
    const [dissolved, successor] = result.data?._entities as { diseaseCases: { isoWeek: string }[] }[];
    expect(dissolved!.diseaseCases).toEqual([]);
    expect(successor!.diseaseCases.map((row) => row.isoWeek)).toEqual([
      '2025-W45',
      '2025-W46',
      '2025-W47',
      '2025-W48',
      '2025-W49',
      '2025-W50',
      '2025-W51',
      '2025-W52',
    ]);
  });

  it('makes one call per distinct set of arguments', async () => {
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
      dengue: diseaseCases(disease: DENGUE, weeks: 4) { cases }
      measles: diseaseCases(disease: MEASLES, weeks: 4) { cases }
      last: vaccinationCoverage { year } before: vaccinationCoverage(year: 2024) { year }
    } } }`,
      { r: ['148', '150', '152'].map((code) => ({ __typename: 'AdministrativeUnit', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(stack.simulator.stats().byRoute).toEqual({
      'GET /api/v1/surveillance/weekly-cases': 2,
      'GET /api/v1/immunization/coverage': 2,
    });
  });

  it('refuses more weeks than the 18 months reported, and an impossible date', async () => {
    const result = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
      diseaseCases(disease: DENGUE, weeks: 500) { cases } bedOccupancy(date: "2025-02-30") { beds }
    } } }`,
      { r: [{ __typename: 'AdministrativeUnit', code: '148' }] },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(stack.simulator.stats().total).toBe(0);
  });
});

describe('health subgraph: vaccination record by CCCD', () => {
  const query =
    'query($cccd: String!) { vaccinationRecord(cccd: $cccd) { cccd fullName birthDate doses { vaccine dose date facility { id type } } } }';

  it('returns the record with its doses and the facilities that gave them', async () => {
    const citizen = stack.simulator.dataset.citizens[0]!;
    const result = await run(query, { cccd: citizen.cccd });
    expect(result.errors).toBeUndefined();
    const record = result.data?.vaccinationRecord as {
      fullName: string;
      doses: { facility: { id: string } }[];
    };
    expect(record.fullName).toBe(citizen.fullName);
    expect(record.doses).toHaveLength(citizen.doses.length);
    expect(record.doses[0]!.facility.id).toBe(citizen.doses[0]!.facilityCode);
  });

  it('answers null for a well-formed number the registry does not hold', async () => {
    expect(await run(query, { cccd: '017000000000' })).toEqual({ data: { vaccinationRecord: null } });
  });

  it('refuses a malformed number with BAD_USER_INPUT without echoing it or calling the registry', async () => {
    for (const cccd of ['01720512345', '01720512345X', '0172051234567']) {
      const result = await run(query, { cccd });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/12 digits/);
      expect(JSON.stringify(result)).not.toContain(cccd.slice(0, 11));
    }
    expect(stack.simulator.stats().total).toBe(0);
  });

  it('sends the number in the request body, never in the URL, with the caller’s request id', async () => {
    const citizen = stack.simulator.dataset.citizens[1]!;
    await run(query, { cccd: citizen.cccd }, { 'x-request-id': 'req-health-42' });
    const stats = stack.simulator.stats();
    expect(Object.keys(stats.byRoute)).toContain('POST /api/v1/immunization/records/search');
    expect(stats.recentRequestIds).toContain('req-health-42');
  });
});

describe('health subgraph: upstream failures', () => {
  it('turns a failing surveillance system into UPSTREAM_ERROR on that field only', async () => {
    stack.simulator.addFault({ route: '/api/v1/surveillance/weekly-cases', status: 503 });
    const result = await entities(['148']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'diseaseCases'],
      extensions: { code: 'UPSTREAM_ERROR', subgraph: 'health' },
    });
    expect(result.errors?.[0]?.message).not.toContain('injected');
    expect(
      (result.data?._entities as { healthFacilities: unknown[] }[])[0]!.healthFacilities.length,
    ).toBeGreaterThan(0);
  });

  it('reports a malformed registry answer as UPSTREAM_ERROR', async () => {
    stack.simulator.addFault({ route: '/api/v1/facilities', malformed: true });
    const result = await run('{ healthFacility(id: "17001") { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
  });
});

describe('health subgraph: slow upstream', () => {
  let slow: HealthStack;
  beforeAll(async () => {
    slow = await startHealthStack({ requestTimeoutMs: 300, retries: 0 });
  });
  afterAll(() => slow.close());

  it('answers UPSTREAM_TIMEOUT when the registry does not answer in time', async () => {
    slow.simulator.addFault({ route: '/api/v1/immunization/coverage', timeout: true });
    const result = await slow.subgraph.executeOperation({
      query:
        '{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "17" }]) { ... on AdministrativeUnit { vaccinationCoverage { year } } } }',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
  });
});

describe('health subgraph: disease cases between two weeks', () => {
  const query = `query($unit: ID!, $from: String, $to: String) {
    diseaseCaseStats(unitCode: $unit, disease: MEASLES, fromWeek: $from, toWeek: $to) { isoWeek weekStart cases }
  }`;

  it('shows the measles outbreak in Mai Châu in early 2025, week by week', async () => {
    const result = await run(query, { unit: '156', from: '2025-W01', to: '2025-W26' });
    const rows = result.data?.diseaseCaseStats as { isoWeek: string; weekStart: string; cases: number }[];
    expect(rows).toHaveLength(26);
    expect(rows[0]).toMatchObject({ isoWeek: '2025-W01', weekStart: '2024-12-30' });
    expect(Math.max(...rows.map((row) => row.cases))).toBeGreaterThan(5);
    expect(stack.simulator.stats().total).toBe(1);
  });

  it('refuses a malformed or reversed week range', async () => {
    for (const [from, to] of [
      ['2025-27', '2025-W30'],
      ['2025-W30', '2025-W27'],
    ]) {
      const result = await run(query, { unit: '156', from, to });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(stack.simulator.stats().total).toBe(0);
  });
});
