import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits, type SimulatorServer } from '@lgsp/simulator-kit';
import { createCatalogSimulator } from '@lgsp/simulator-catalog';
import { pino } from 'pino';
import { createCatalogSubgraph, loadCatalogConfig, type CatalogSubgraph } from '../src/index.js';

let simulator: SimulatorServer;
let subgraph: CatalogSubgraph;

async function run(query: string, variables?: Record<string, unknown>) {
  return subgraph.executeOperation({ query, variables });
}

beforeAll(async () => {
  simulator = await createCatalogSimulator();
  const config = loadCatalogConfig({
    env: {},
    values: { port: 0, upstream: { baseUrl: `${simulator.url}/api/v1`, retries: 1 } },
  });
  subgraph = await createCatalogSubgraph(config, { listen: false, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await subgraph.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.clearFaults();
  simulator.resetStats();
});

describe('catalog subgraph: versions of a code (THE RULE)', () => {
  it('resolves a reference by code alone to the newest version', async () => {
    const result = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name isCurrent } } }`,
      { r: [{ __typename: 'AdministrativeUnit', code: '04795' }] },
    );
    expect(result.data).toEqual({ _entities: [{ code: '04795', name: 'Phường Hòa Bình', isCurrent: true }] });
  });

  it('reaches the older version with asOf and through lineage', async () => {
    const result = await run(`{
      old: administrativeUnit(code: "04795", asOf: "2025-06-30") {
        name kind validTo isCurrent parent { name kind } province { name }
        successors { part unit { name validFrom } }
      }
      current: administrativeUnit(code: "04795") {
        predecessors { part unit { code name parent { code } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.old).toEqual({
      name: 'Phường Thịnh Lang',
      kind: 'WARD',
      validTo: '2025-06-30',
      isCurrent: false,
      parent: { name: 'Thành phố Hòa Bình', kind: 'CITY' },
      province: { name: 'Tỉnh Hòa Bình' },
      successors: [{ part: 'FULL', unit: { name: 'Phường Hòa Bình', validFrom: '2025-07-01' } }],
    });
    const predecessors = (result.data?.current as { predecessors: unknown[] }).predecessors;
    expect(predecessors).toContainEqual({
      part: 'FULL',
      unit: { code: '04795', name: 'Phường Thịnh Lang', parent: { code: '148' } },
    });
    expect(predecessors).toHaveLength(7);
  });

  it('reports a split commune as PARTIAL on both of its successors', async () => {
    const result = await run(`{ administrativeUnit(code: "04891", asOf: "2025-01-01") {
      name successors { part unit { code name } } } }`);
    expect(result.data?.administrativeUnit).toEqual({
      name: 'Xã Vầy Nưa',
      successors: [
        { part: 'PARTIAL', unit: { code: '04828', name: 'Phường Thống Nhất' } },
        { part: 'PARTIAL', unit: { code: '04891', name: 'Xã Tiền Phong' } },
      ],
    });
  });

  it('lists the children of an expired district in their own (old) version', async () => {
    const result = await run(
      `{ administrativeUnit(code: "148") { name isCurrent children { code name validTo } } }`,
    );
    const unit = result.data?.administrativeUnit as { children: { code: string; name: string }[] };
    expect(unit.children).toHaveLength(adminUnits.oldCommunes.filter((c) => c.parentCode === '148').length);
    expect(unit.children).toContainEqual({ code: '04795', name: 'Phường Thịnh Lang', validTo: '2025-06-30' });
  });

  it('returns null without an error for an unknown code', async () => {
    const result = await run(`{ administrativeUnit(code: "99999") { name } agency(code: "XX-17") { name } }`);
    expect(result).toEqual({ data: { administrativeUnit: null, agency: null } });
  });
});

describe('catalog subgraph: batching', () => {
  it('resolves 151 commune references with one upstream call', async () => {
    const representations = adminUnits.oldCommunes.map((c) => ({
      __typename: 'AdministrativeUnit',
      code: c.code,
    }));
    const result = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name } } }`,
      { r: representations },
    );
    expect((result.data?._entities as unknown[]).filter((unit) => unit !== null)).toHaveLength(151);
    expect(simulator.stats().byRoute).toEqual({ 'GET /api/v1/units:batchGet': 1 });
  });

  it('loads parents, agencies and successors of all 151 old communes with one call per resource and step', async () => {
    const result = await run(`{ administrativeUnits(level: COMMUNE, asOf: "2025-06-30", first: 200) {
      totalCount nodes { code parent { name } agencies(kind: PEOPLES_COMMITTEE) { code } successors { unit { name } } }
    } }`);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.administrativeUnits as { nodes: { agencies: unknown[] }[] }).nodes;
    expect(nodes).toHaveLength(151);
    expect(nodes.every((node) => node.agencies.length === 1)).toBe(true);
    expect(simulator.stats().byRoute).toEqual({
      'GET /api/v1/units': 1,
      // one for the parents (asOf 2025-06-30), one for the successors (asOf 2025-07-01)
      'GET /api/v1/units:batchGet': 2,
      'GET /api/v1/agencies': 1,
    });
  });
});

describe('catalog subgraph: lists, search and agencies', () => {
  it('pages through the 46 current communes with cursors', async () => {
    const query = `query ($after: String) { administrativeUnits(level: COMMUNE, first: 20, after: $after) {
      totalCount hasNextPage endCursor nodes { code } } }`;
    const codes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result = await run(query, { after });
      const connection = result.data?.administrativeUnits as {
        hasNextPage: boolean;
        endCursor: string | null;
        nodes: { code: string }[];
      };
      codes.push(...connection.nodes.map((node) => node.code));
      after = connection.endCursor;
      if (!connection.hasNextPage) break;
    }
    expect(codes).toEqual(adminUnits.newCommunes.map((c) => c.code).sort());
  });

  it('searches without diacritics', async () => {
    const result = await run(`{ searchAdministrativeUnits(text: "da bac", first: 2) { name isCurrent } }`);
    expect(result.data?.searchAdministrativeUnits).toEqual([
      { name: 'Xã Đà Bắc', isCurrent: true },
      { name: 'Huyện Đà Bắc', isCurrent: false },
    ]);
  });

  it('resolves an agency entity with its unit version, parent and successors', async () => {
    const result = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Agency {
        name kind isCurrent unit { name } parent { code } successors { code name } } } }`,
      {
        r: [
          { __typename: 'Agency', code: 'UBND-17-04795' },
          { __typename: 'Agency', code: 'STNMT-17' },
        ],
      },
    );
    expect(result.data?._entities).toEqual([
      {
        name: 'Ủy ban nhân dân phường Thịnh Lang',
        kind: 'PEOPLES_COMMITTEE',
        isCurrent: false,
        unit: { name: 'Phường Thịnh Lang' },
        parent: { code: 'UBND-17-148' },
        successors: [],
      },
      {
        name: 'Sở Tài nguyên và Môi trường tỉnh Hòa Bình',
        kind: 'DEPARTMENT',
        isCurrent: false,
        unit: { name: 'Tỉnh Hòa Bình' },
        parent: { code: 'UBND-17' },
        successors: [{ code: 'SNNMT-17', name: 'Sở Nông nghiệp và Môi trường tỉnh Hòa Bình' }],
      },
    ]);
  });

  it('lists hospitals', async () => {
    const result = await run(`{ agencies(kind: HOSPITAL) { totalCount nodes { name } } }`);
    expect(result.data?.agencies).toMatchObject({ totalCount: 3 });
  });
});

describe('catalog subgraph: errors', () => {
  it('refuses out-of-range first and foreign cursors with BAD_USER_INPUT', async () => {
    const tooMany = await run(`{ administrativeUnits(first: 1000) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await run(`{ agencies(after: "bm9wZQ") { totalCount } }`);
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an impossible date', async () => {
    const result = await run(`query ($d: Date) { administrativeUnit(code: "17", asOf: $d) { name } }`, {
      d: '2025-02-30',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('turns an upstream failure into UPSTREAM_ERROR naming the subgraph, without the upstream body', async () => {
    simulator.addFault({ status: 503 });
    const result = await run(`{ administrativeUnit(code: "17") { name } }`);
    expect(result.data).toEqual({ administrativeUnit: null });
    expect(result.errors?.[0]).toMatchObject({
      message: expect.not.stringContaining('injected'),
      extensions: { code: 'UPSTREAM_ERROR', subgraph: 'catalog' },
    });
    expect(simulator.stats().total).toBe(2); // 1 + retries (1)
  });
});
