import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits } from '@lgsp/simulator-kit';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const period = { from: '2026-01-01', to: '2026-06-30' };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.simulator.resetStats());

/** What the simulator holds, counted independently of the upstream's statistics endpoint. */
function expectedCounts(unitCode: string, from: string, to: string) {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  const received = h.simulator.data.dossiers.filter(
    (d) => d.unit.code === unitCode && d.receivedAt >= start && d.receivedAt < end,
  );
  const resolved = received.filter((d) => d.status === '4' || d.status === '5');
  const onTime = resolved.filter((d) => d.finishedAt! <= d.dueAt).length;
  return {
    received: received.length,
    receivedOnline: received.filter((d) => d.channel === 'TRUC_TUYEN').length,
    resolvedOnTime: onTime,
    resolvedLate: resolved.length - onTime,
    returned: received.filter((d) => d.status === '6').length,
  };
}

describe('dossier statistics (open aggregate)', () => {
  it('shows the counts the one-stop system holds, with on-time rate and online share', async () => {
    const result = await h.run(
      `query($period: PeriodInput!) { dossierStats(unitCodes: ["04795", "99999", "25"], period: $period) {
         unit { code } period { from to } received receivedOnline inProgress resolvedOnTime resolvedLate returned
         onTimeRate onlineShare } }`,
      { period },
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data!.dossierStats as Record<string, unknown>[];
    expect(rows.map((row) => (row.unit as { code: string }).code)).toEqual(['04795', '25']);
    const expected = expectedCounts('04795', period.from, period.to);
    expect(rows[0]).toMatchObject({ period, ...expected });
    const rate = expected.resolvedOnTime / (expected.resolvedOnTime + expected.resolvedLate);
    expect(rows[0]!.onTimeRate).toBeCloseTo(rate, 3);
    expect(rows[0]!.onlineShare).toBeCloseTo(expected.receivedOnline / expected.received, 3);
    expect(h.simulator.stats().byRoute).toEqual({ 'GET /api/v1/thongke/hoso': 1 });
  });

  it('keeps statistics before the reform on the old units', async () => {
    const result = await h.run(
      `{ dossierStats(unitCodes: ["04789", "148"], period: { from: "2025-06-01", to: "2025-06-30" }) { unit { code } received } }`,
    );
    const rows = result.data!.dossierStats as { received: number }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.received).toBe(expectedCounts('04789', '2025-06-01', '2025-06-30').received);
    expect(rows[1]!.received).toBeGreaterThan(0);
  });

  it('computes the 766 service-index components from the raw inputs and says how', async () => {
    const result = await h.run(
      `{ serviceIndex(unitCode: "04795", period: { from: "2026-01-01", to: "2026-06-30" }) {
         inputs { dossiersResolved dossiersResolvedOnTime } components { group maxScore score method } total } }`,
    );
    const index = result.data!.serviceIndex as {
      inputs: { dossiersResolved: number; dossiersResolvedOnTime: number };
      components: { group: string; maxScore: number; score: number; method: string }[];
      total: number;
    };
    expect(index.components.map((c) => [c.group, c.maxScore])).toEqual([
      ['PUBLICITY', 18],
      ['PROGRESS', 20],
      ['ONLINE_SERVICE', 22],
      ['DIGITISATION', 22],
      ['SATISFACTION', 18],
    ]);
    const progress = index.components[1]!;
    expect(progress.score).toBeCloseTo(
      (20 * index.inputs.dossiersResolvedOnTime) / index.inputs.dossiersResolved,
      2,
    );
    expect(index.total).toBeCloseTo(
      index.components.reduce((sum, c) => sum + c.score, 0),
      1,
    );
  });

  it('answers 197 communes of both versions with one upstream call per resource', async () => {
    const codes = [...adminUnits.oldCommunes, ...adminUnits.newCommunes].map((unit) => unit.code);
    const representations = codes.map((code) => ({ __typename: 'AdministrativeUnit', code }));
    const result = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
         code
         dossierStats(period: { from: "2025-06-01", to: "2025-08-31" }) { received onTimeRate }
         serviceIndex(period: { from: "2025-06-01", to: "2025-08-31" }) { total }
         citizenReportStats(period: { from: "2025-06-01", to: "2025-08-31" }) { total overdue byCategory { category count } }
         citizenReports(first: 2) { id status statusHistory { status agency { code } } }
       } } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    const units = result.data!._entities as { code: string; dossierStats: { received: number } | null }[];
    expect(units).toHaveLength(codes.length);
    expect(units.every((unit) => unit.dossierStats !== null)).toBe(true);
    expect(h.simulator.stats().byRoute).toEqual({
      'GET /api/v1/thongke/hoso': 1,
      'GET /api/v1/thongke/chiso766': 1,
      'GET /api/v1/thongke/phananh': 1,
      'GET /api/v1/phananh/theo-don-vi': 1,
      'POST /api/v1/phananh/lich-su': 1,
    });
  });

  it('counts the dossiers each agency handled, for many agencies in one call', async () => {
    const agencies = ['STP-25', 'UBND-25-04795', 'UBND-17-148', 'NOPE-99'];
    const result = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency {
         code dossierStats(period: { from: "2025-06-01", to: "2026-05-31" }) { agency { code } unit { code } received resolvedOnTime } } } }`,
      { r: agencies.map((code) => ({ __typename: 'Agency', code })) },
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data!._entities as { code: string; dossierStats: Record<string, unknown> | null }[];
    const start = new Date('2025-06-01T00:00:00+07:00');
    const end = new Date('2026-06-01T00:00:00+07:00');
    const handled = (code: string) =>
      h.simulator.data.dossiers.filter(
        (d) => d.agency.code === code && d.receivedAt >= start && d.receivedAt < end,
      );
    for (const row of rows.slice(0, 3)) {
      expect(row.dossierStats).toMatchObject({
        agency: { code: row.code },
        unit: null,
        received: handled(row.code).length,
      });
      expect(row.dossierStats!.received).toBeGreaterThan(0);
    }
    expect(rows[3]!.dossierStats).toBeNull();
    expect(h.simulator.stats().byRoute).toEqual({ 'GET /api/v1/thongke/hoso': 1 });
  });

  it('uses the year to date when a unit field has no period', async () => {
    const result = await h.run(
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "04795" }]) {
         ... on AdministrativeUnit { dossierStats { period { from to } received } } } }`,
    );
    const [unit] = result.data!._entities as { dossierStats: { period: unknown; received: number } }[];
    expect(unit!.dossierStats.period).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(unit!.dossierStats.received).toBe(expectedCounts('04795', '2026-01-01', '2026-11-25').received);
  });

  it('refuses a reversed period or a malformed unit code without calling the upstream', async () => {
    const reversed = await h.run(
      `{ dossierStats(unitCodes: ["04795"], period: { from: "2026-06-30", to: "2026-01-01" }) { received } }`,
    );
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCode = await h.run(
      `{ dossierStats(unitCodes: ["04795; DROP"], period: { from: "2026-01-01", to: "2026-01-31" }) { received } }`,
    );
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.simulator.stats().total).toBe(0);
  });
});
