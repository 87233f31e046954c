import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';
import { resolverCalls } from './limitsSubgraphs.js';

const dashboard = '{ dashboard { openDossiers revision } }';
const citizens = '{ citizens { id phone } }';
const revisionOf = (json: { data?: Record<string, unknown> | null }) =>
  (json.data?.['dashboard'] as { revision: number }).revision;

describe('response cache', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({
      cache: {
        enabled: true,
        ttlSeconds: { 'Query.dashboard': 60, 'Query.airQuality': 60, 'Query.citizens': 60 },
        personalData: true,
      },
    });
  });
  afterAll(() => hub.close());

  it('serves a repeated dashboard query from the cache with Age and Cache-Control, without a subgraph call', async () => {
    const first = await hub.query('ioc-dashboard', dashboard);
    const calls = resolverCalls.dashboard;
    const second = await hub.query('ioc-dashboard', dashboard);
    expect(resolverCalls.dashboard).toBe(calls);
    expect(revisionOf(second.json)).toBe(revisionOf(first.json));
    expect(first.headers.get('cache-control')).toBe('private, max-age=60');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('cache-control')).toMatch(/^private, max-age=(59|60)$/);
  });

  it('never gives one contract the answer cached for another', async () => {
    const forA = await hub.query('partner-a', dashboard);
    const forC = await hub.query('partner-c', dashboard);
    // Different contracts: each executed on its own (different revisions), then each hits its own entry.
    expect(revisionOf(forC.json)).not.toBe(revisionOf(forA.json));
    expect(revisionOf((await hub.query('partner-a', dashboard)).json)).toBe(revisionOf(forA.json));
    expect(revisionOf((await hub.query('partner-c', dashboard)).json)).toBe(revisionOf(forC.json));
  });

  it('keeps masked and unmasked personal data apart even when personal data may be cached', async () => {
    const clear = await hub.query('partner-b', citizens, { 'x-purpose': 'PUBLIC_HEALTH' });
    expect(clear.json.data).toEqual({ citizens: [{ id: 'C1', phone: '0912345678' }] });
    // Same client, no purpose: masked. Another client with the same query: masked too, never the cached clear value.
    const noPurpose = await hub.query('partner-b', citizens);
    const other = await hub.query('partner-a', citizens);
    for (const answer of [noPurpose, other]) {
      expect(answer.status).toBe(200);
      expect(answer.json.data).toEqual({ citizens: [{ id: 'C1', phone: '0912***678' }] });
    }
    const again = await hub.query('partner-b', citizens, { 'x-purpose': 'PUBLIC_HEALTH' });
    expect(again.json.data).toEqual({ citizens: [{ id: 'C1', phone: '0912345678' }] });
  });

  it('never caches an answer with errors', async () => {
    hub.subgraphs.environment.setFault({ kind: 'status', status: 500 });
    const failed = await hub.query('ioc-dashboard', '{ airQuality }');
    expect(failed.json.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    hub.subgraphs.environment.setFault({ kind: 'none' });
    const calls = resolverCalls.airQuality;
    const recovered = await hub.query('ioc-dashboard', '{ airQuality }');
    expect(recovered.json.data).toEqual({ airQuality: 42 });
    expect(resolverCalls.airQuality).toBe(calls + 1);
  });

  it('does not cache operations without a TTL', async () => {
    const uncached = await hub.query('ioc-dashboard', '{ units(first: 1) { code } }');
    expect(uncached.headers.get('cache-control')).toBe('no-store');
    expect(uncached.headers.get('age')).toBeNull();
  });
});

describe('response cache defaults', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({ cache: { enabled: true, ttlSeconds: { 'Query.citizens': 60 } } });
  });
  afterAll(() => hub.close());

  it('does not cache answers that read personal data unless configured', async () => {
    const calls = resolverCalls.citizens;
    await hub.query('partner-a', citizens);
    const second = await hub.query('partner-a', citizens);
    expect(resolverCalls.citizens).toBe(calls + 2);
    expect(second.headers.get('cache-control')).toBe('no-store');
  });

  it('runs identical in-flight queries of one contract once, and of two contracts twice', async () => {
    hub.subgraphs.kpi.setFault({ kind: 'delay', ms: 300 });
    try {
      const before = resolverCalls.dashboard;
      const same = await Promise.all(Array.from({ length: 5 }, () => hub.query('ioc-dashboard', dashboard)));
      expect(new Set(same.map((a) => revisionOf(a.json))).size).toBe(1);
      expect(resolverCalls.dashboard).toBe(before + 1);
      const mixed = await Promise.all([hub.query('partner-a', dashboard), hub.query('partner-c', dashboard)]);
      expect(revisionOf(mixed[0]!.json)).not.toBe(revisionOf(mixed[1]!.json));
      expect(resolverCalls.dashboard).toBe(before + 3);
    } finally {
      hub.subgraphs.kpi.setFault({ kind: 'none' });
    }
  });
});
