import { describe, expect, it } from '@jest/globals';
import { createMemoryLimitStore, windowOf } from '../../src/limits/limitStore.js';
import { resolveQuota } from '../../src/limits/quotas.js';
import { limitsConfigSchema } from '../../src/limits/limitsConfig.js';

describe('memory limit store', () => {
  it('lets a burst through, refuses the next, and refills at the rate', async () => {
    let now = 1_000_000;
    const store = createMemoryLimitStore(() => now);
    const bucket = { key: 'a', capacity: 2, refillPerMs: 1 / 1000 };
    expect((await store.take(bucket)).allowed).toBe(true);
    expect(await store.take(bucket)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.take(bucket)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    now += 1000;
    expect((await store.take(bucket)).allowed).toBe(true);
    await store.close();
  });

  it('spends all windows or none, and starts over in the next window', async () => {
    let now = 60_000 * 100;
    const store = createMemoryLimitStore(() => now);
    const windows = [
      { key: 'm', limit: 10, windowMs: 60_000 },
      { key: 'd', limit: 15, windowMs: 86_400_000 },
    ];
    expect((await store.spend(windows, 10)).allowed).toBe(true);
    const refused = await store.spend(windows, 1);
    expect(refused.allowed).toBe(false);
    expect(refused.windows.map((w) => w.used)).toEqual([10, 10]);
    now += 60_000;
    expect((await store.spend(windows, 5)).allowed).toBe(true);
    expect((await store.spend(windows, 1)).allowed).toBe(false); // the day is spent now
    await store.close();
  });

  it('aligns windows on the epoch (UTC days)', () => {
    expect(windowOf(86_400_000 * 3 + 5, 86_400_000)).toEqual({ index: 3, resetMs: 86_400_000 - 5 });
  });
});

describe('resolveQuota', () => {
  const config = limitsConfigSchema.parse({ clients: { b: { costPerDay: 99 } } });

  it('takes config over registry over defaults, and a rate without burst bursts one minute', () => {
    expect(resolveQuota(config, 'a', undefined)).toEqual({
      requestsPerMinute: 600,
      burst: 600,
      costPerMinute: 20_000,
      costPerDay: 2_000_000,
    });
    expect(resolveQuota(config, 'b', { requestsPerMinute: 30 })).toMatchObject({
      requestsPerMinute: 30,
      burst: 30,
      costPerDay: 99,
    });
  });
});
