import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';

describe('per-subgraph concurrency cap and time budget', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({
      // The hung calls end at the transport's own deadline; keep it short so the suite does too.
      gateway: { subgraphs: { timeoutMs: 2500 } },
      limits: {
        subgraphs: { overrides: { environment: { maxConcurrent: 2, maxQueued: 2, budgetMs: 1500 } } },
      },
    });
  });
  afterAll(() => hub.close());

  it('lets a hanging system cost only its own fields, and never sends it more than its cap', async () => {
    hub.subgraphs.environment.setFault({ kind: 'hang' });
    try {
      const environmentBefore = hub.subgraphs.environment.requests.length;
      // Distinct texts (aliases), so in-flight deduplication does not merge them.
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          hub.query('ioc-dashboard', `{ q${i}: airQuality dashboard { openDossiers } }`),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.json.data?.['dashboard']).toEqual({ openDossiers: 412 });
        expect(answer.json.errors?.[0]?.extensions).toMatchObject({ subgraph: 'environment' });
      }
      const codes = answers.map((answer) => answer.json.errors![0]!.extensions!['code']).sort();
      // 2 calls run (and time out), 2 wait for a slot until their budget ends, 2 find the queue full at once.
      expect(codes).toEqual([
        'UPSTREAM_TIMEOUT',
        'UPSTREAM_TIMEOUT',
        'UPSTREAM_TIMEOUT',
        'UPSTREAM_TIMEOUT',
        'UPSTREAM_UNAVAILABLE',
        'UPSTREAM_UNAVAILABLE',
      ]);
      expect(hub.subgraphs.environment.requests.length - environmentBefore).toBe(2);
      // The other system kept answering meanwhile, with its own slots.
      expect(hub.limits.subgraphGuard.load()['kpi']).toEqual({ active: 0, waiting: 0 });
    } finally {
      hub.subgraphs.environment.setFault({ kind: 'none' });
    }
  });
});
