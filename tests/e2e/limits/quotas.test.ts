import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';
import { resolverCalls } from './limitsSubgraphs.js';

const dashboard = '{ dashboard { openDossiers lateDossiers } }';

describe('per-partner request rate and cost quotas', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({
      limits: {
        clients: {
          // 3 requests at once, refilled slowly (1 per minute): the 4th within the test is refused.
          'partner-a': { requestsPerMinute: 1, burst: 3, costPerMinute: 100_000, costPerDay: 1_000_000 },
          // Plenty of requests, but a cost budget of exactly 3 dashboards (cost 2 + one subgraph call 5 = 7 each).
          'partner-b': { requestsPerMinute: 1000, costPerMinute: 21, costPerDay: 1_000_000 },
          'partner-c': { requestsPerMinute: 1000, costPerMinute: 100_000, costPerDay: 14 },
        },
      },
    });
  });
  afterAll(() => hub.close());

  it('refuses the request after the burst with 429 RATE_LIMITED, Retry-After and RateLimit headers', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await hub.query('partner-a', dashboard));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    const refused = answers[3]!;
    expect(refused.json.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'REQUEST_RATE',
    });
    // One token per minute: the next one comes within 60 s.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toMatch(/^3;w=180;name="requests"/);
  });

  it('refuses an operation whose cost is over the remaining minute budget, exactly at the bound', async () => {
    // Cost windows are fixed minutes: start well inside one, so the four requests share it.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 5_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100));
    const before = hub.subgraphRequests();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await hub.query('partner-b', dashboard));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-cost-estimate'))).toEqual(['7', '7', '7', '7']);
    expect(answers.map((a) => a.headers.get('x-cost-remaining-minute'))).toEqual(['14', '7', '0', '0']);
    const refused = answers[3]!;
    expect(refused.json.errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'COST_QUOTA_MINUTE',
      cost: 7,
    });
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The refused operation never reached a subgraph.
    expect(hub.subgraphRequests() - before).toBe(3);
  });

  it('refuses with COST_QUOTA_DAY when the daily budget is spent', async () => {
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await hub.query('partner-c', dashboard));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers[1]!.headers.get('x-cost-remaining-day')).toBe('0');
    expect(answers[2]!.json.errors![0]!.extensions).toMatchObject({ reason: 'COST_QUOTA_DAY' });
    expect(Number(answers[2]!.headers.get('retry-after'))).toBeLessThanOrEqual(86_400);
  });

  it('keeps serving another partner in full while one is over its quota (counted, not timed)', async () => {
    const before = resolverCalls.dashboard;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hub.query(i % 2 === 0 ? 'partner-a' : 'ioc-dashboard', dashboard)),
    );
    const byClient = (even: boolean) => results.filter((_, i) => (i % 2 === 0) === even).map((r) => r.status);
    expect(byClient(true).every((status) => status === 429)).toBe(true);
    expect(byClient(false)).toEqual(Array(10).fill(200));
    // Only the IOC's requests reached the subgraph (identical in-flight ones may share one execution).
    expect(resolverCalls.dashboard - before).toBeLessThanOrEqual(10);
    expect(resolverCalls.dashboard - before).toBeGreaterThan(0);
  });

  it('puts RateLimit headers on refusals of other kinds too', async () => {
    const answer = await hub.query('ioc-dashboard', '{ nope }');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('ratelimit-limit')).toBe('600');
    expect(answer.headers.get('ratelimit-policy')).toContain('name="cost-day"');
  });
});
