import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.simulator.clearFaults();
  h.simulator.resetStats();
});

const DOSSIERS = `query($first: Int, $after: String, $filter: DossierFilter) {
  dossiers(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id unit { code } agency { code } status receivedAt dueAt finishedAt overdue
      procedure { code name level } channel applicantName applicantPhone } }
  } }`;

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Record<string, unknown> }[];
};

describe('dossiers (egov:read)', () => {
  it('pages through a unit’s late dossiers with cursors, newest first, without overlap', async () => {
    const filter = { unitCodes: ['04795'], status: 'RESOLVED_LATE' };
    const first = await h.run(DOSSIERS, { first: 5, filter });
    const page1 = first.data!.dossiers as Connection;
    const second = await h.run(DOSSIERS, { first: 5, after: page1.pageInfo.endCursor, filter });
    const page2 = second.data!.dossiers as Connection;
    const expected = h.simulator.data.dossiers.filter(
      (d) => d.unit.code === '04795' && ['4', '5'].includes(d.status) && d.finishedAt! > d.dueAt,
    );
    expect(page1.totalCount).toBe(expected.length);
    expect([...page1.edges, ...page2.edges].map((edge) => edge.node.id)).toEqual(
      expected.slice(0, 10).map((d) => d.id),
    );
    expect(page1.edges[0]!.node).toMatchObject({
      status: 'RESOLVED_LATE',
      overdue: true,
      unit: { code: '04795' },
      agency: { code: expect.stringMatching(/^(UBND-25-04795|[A-Z]+-25)$/) },
    });
    expect(page1.edges[0]!.node.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(h.simulator.stats().byRoute).toEqual({ 'GET /api/v1/hoso': 2 });
  });

  it('reads a dossier by number, and null for an unknown number', async () => {
    const known = h.simulator.data.dossiers[100]!;
    const result = await h.run(
      `query($id: ID!) { known: dossier(id: $id) { id procedure { name } applicantName } unknown: dossier(id: "H25.00000-200101-0001") { id } }`,
      { id: known.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      known: { id: known.id, procedure: { name: known.procedure.name }, applicantName: known.applicantName },
      unknown: null,
    });
  });

  it('resolves dossier references in one batch call', async () => {
    const ids = h.simulator.data.dossiers.slice(0, 3).map((d) => d.id);
    const result = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { id status } } }`,
      { r: [...ids, 'H25.00000-200101-0001'].map((id) => ({ __typename: 'Dossier', id })) },
    );
    const entities = result.data!._entities as ({ id: string } | null)[];
    expect(entities.map((entity) => entity?.id ?? null)).toEqual([...ids, null]);
    expect(h.simulator.stats().total).toBe(1);
  });

  it('refuses a cursor it did not hand out and a page larger than 100', async () => {
    const bad = await h.run(DOSSIERS, { first: 5, after: 'bm9wZQ' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await h.run(DOSSIERS, { first: 500 });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.simulator.stats().total).toBe(0);
  });
});

describe('citizen reports (egov:read)', () => {
  it('shows a report with its location, agency, personal data and history in order', async () => {
    const report = h.simulator.data.reports.find((r) => r.status === 'DA_XU_LY' && r.unit.code === '04795')!;
    const result = await h.run(
      `query($id: ID!) { citizenReport(id: $id) { id category status location { latitude longitude } photoCount
         handlingAgency { code } dueAt closedAt overdue reporterName reporterPhone
         statusHistory { status at agency { code } note } } }`,
      { id: report.id },
    );
    expect(result.errors).toBeUndefined();
    const shown = result.data!.citizenReport as Record<string, unknown> & {
      statusHistory: { status: string; at: string }[];
    };
    expect(shown).toMatchObject({
      id: report.id,
      status: 'RESOLVED',
      location: { latitude: report.location.lat, longitude: report.location.lng },
      handlingAgency: { code: report.agency!.code },
      reporterName: report.reporterName,
      reporterPhone: report.reporterPhone,
      overdue: report.overdue,
    });
    expect(shown.statusHistory.map((change) => change.status)).toEqual([
      'RECEIVED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);
    expect(shown.statusHistory[0]!.at < shown.statusHistory[3]!.at).toBe(true);
  });

  it('filters reports by category, status and overdue, and counts them all', async () => {
    const result = await h.run(
      `{ citizenReports(first: 3, filter: { unitCodes: ["04795", "04792"], category: FLOODING, overdue: true }) {
         totalCount edges { node { id category overdue unit { code } } } } }`,
    );
    const connection = result.data!.citizenReports as Connection;
    const expected = h.simulator.data.reports.filter(
      (r) => ['04795', '04792'].includes(r.unit.code) && r.category.code === 'NGAP_UNG' && r.overdue,
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(connection.totalCount).toBe(expected.length);
    expect(connection.edges).toHaveLength(3);
    for (const edge of connection.edges)
      expect(edge.node).toMatchObject({ category: 'FLOODING', overdue: true });
  });

  it('answers null for an unknown report', async () => {
    const result = await h.run(`{ citizenReport(id: "PA-2020-999999") { id } }`);
    expect(result).toEqual({ data: { citizenReport: null } });
  });

  it('resolves report references with one batch call and their histories with one more', async () => {
    const ids = h.simulator.data.reports.slice(0, 4).map((r) => r.id);
    const result = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on CitizenReport { id statusHistory { status } } } }`,
      { r: ids.map((id) => ({ __typename: 'CitizenReport', id })) },
    );
    expect((result.data!._entities as { id: string }[]).map((entity) => entity.id)).toEqual(ids);
    expect(h.simulator.stats().byRoute).toEqual({
      'GET /api/v1/phananh': 1,
      'POST /api/v1/phananh/lich-su': 1,
    });
  });
});

describe('upstream failures', () => {
  it('turns a failing upstream into UPSTREAM_ERROR for the field, naming the subgraph, not the body', async () => {
    h.simulator.addFault({ route: '/api/v1/phananh', status: 503 });
    const result = await h.run(`{ citizenReport(id: "PA-2026-000120") { id } }`);
    expect(result.data).toEqual({ citizenReport: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', subgraph: 'egov' });
    expect(result.errors?.[0]?.message).not.toContain('injected');
  });

  it('keeps a report when only its history cannot be read', async () => {
    h.simulator.addFault({ route: 'POST /api/v1/phananh/lich-su', status: 500 });
    const result = await h.run(
      `{ citizenReport(id: "PA-2026-000120") { id status statusHistory { status } } }`,
    );
    expect(result.data).toEqual({
      citizenReport: expect.objectContaining({ id: 'PA-2026-000120', statusHistory: null }),
    });
    expect(result.errors?.[0]).toMatchObject({
      path: ['citizenReport', 'statusHistory'],
      extensions: { code: 'UPSTREAM_ERROR' },
    });
  });

  it('reports UPSTREAM_TIMEOUT when the system does not answer in time', async () => {
    h.simulator.addFault({ route: '/api/v1/thongke/hoso', timeout: true });
    const result = await h.run(
      `{ dossierStats(unitCodes: ["04795"], period: { from: "2026-01-01", to: "2026-01-31" }) { received } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('reports a malformed upstream payload as UPSTREAM_ERROR', async () => {
    h.simulator.addFault({ route: '/api/v1/thongke/phananh', malformed: true });
    const result = await h.run(
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "04795" }]) {
         ... on AdministrativeUnit { citizenReportStats { total } } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
  });

  it('forwards the request id to the upstream', async () => {
    await h.run(`{ citizenReport(id: "PA-2026-000120") { id } }`, undefined, {
      'x-request-id': 'egov-test-42',
    });
    expect(h.simulator.stats().recentRequestIds).toContain('egov-test-42');
  });
});
