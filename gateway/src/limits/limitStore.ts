/**
 * Where rate and quota counters live. Two primitives, both atomic per call so that concurrent requests (and, with
 * Redis, several replicas) can never overspend: a token bucket for the request rate, and fixed windows for cost
 * budgets (minute, day) spent all-or-nothing. A store that cannot answer throws; the caller decides fail-open or
 * fail-closed.
 */
export interface BucketSpec {
  key: string;
  /** Most tokens the bucket holds (the burst). */
  capacity: number;
  /** Tokens added per millisecond. */
  refillPerMs: number;
}

export interface BucketResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Until one token is available again (0 when one is). */
  retryAfterMs: number;
  /** Until the bucket is full again. */
  resetMs: number;
}

export interface WindowSpec {
  /** Key without the window number; the store appends it. */
  key: string;
  limit: number;
  windowMs: number;
}

export interface WindowResult {
  limit: number;
  /** Used in the current window, after this spend when it was allowed. */
  used: number;
  /** Until the window ends. */
  resetMs: number;
}

export interface SpendResult {
  /** False when any window would go over its limit; nothing was spent then. */
  allowed: boolean;
  windows: WindowResult[];
}

export interface LimitStore {
  take(bucket: BucketSpec): Promise<BucketResult>;
  /** Spends `amount` in every window, or in none when one of them would exceed its limit. */
  spend(windows: WindowSpec[], amount: number): Promise<SpendResult>;
  close(): Promise<void>;
}

/** Window number and time left in it, for fixed windows aligned on the epoch (UTC days for 86 400 000 ms). */
export function windowOf(nowMs: number, windowMs: number): { index: number; resetMs: number } {
  const index = Math.floor(nowMs / windowMs);
  return { index, resetMs: (index + 1) * windowMs - nowMs };
}

export function bucketResult(tokens: number, spec: BucketSpec, allowed: boolean): BucketResult {
  return {
    allowed,
    remaining: Math.floor(tokens),
    retryAfterMs: tokens >= 1 ? 0 : Math.ceil((1 - tokens) / spec.refillPerMs),
    resetMs: Math.ceil((spec.capacity - tokens) / spec.refillPerMs),
  };
}

/** The in-process store (one replica). Entries expire once full or past their window, so memory stays bounded. */
export function createMemoryLimitStore(now: () => number = Date.now): LimitStore {
  const buckets = new Map<string, { tokens: number; at: number; expiresAt: number }>();
  const windows = new Map<string, { used: number; expiresAt: number }>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, entry] of buckets) if (entry.expiresAt <= t) buckets.delete(key);
    for (const [key, entry] of windows) if (entry.expiresAt <= t) windows.delete(key);
  }, 60_000);
  sweep.unref();

  return {
    take(spec) {
      const t = now();
      const entry = buckets.get(spec.key);
      let tokens = entry
        ? Math.min(spec.capacity, entry.tokens + (t - entry.at) * spec.refillPerMs)
        : spec.capacity;
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      const expiresAt = t + Math.ceil((spec.capacity - tokens) / spec.refillPerMs);
      buckets.set(spec.key, { tokens, at: t, expiresAt });
      return Promise.resolve(bucketResult(tokens, spec, allowed));
    },
    spend(specs, amount) {
      const t = now();
      const current = specs.map((spec) => {
        const { index, resetMs } = windowOf(t, spec.windowMs);
        const key = `${spec.key}:${index}`;
        return { spec, key, resetMs, used: windows.get(key)?.used ?? 0 };
      });
      const allowed = current.every((w) => w.used + amount <= w.spec.limit);
      for (const w of current) {
        if (allowed) {
          w.used += amount;
          windows.set(w.key, { used: w.used, expiresAt: t + w.resetMs });
        }
      }
      return Promise.resolve({
        allowed,
        windows: current.map((w) => ({ limit: w.spec.limit, used: w.used, resetMs: w.resetMs })),
      });
    },
    close() {
      clearInterval(sweep);
      return Promise.resolve();
    },
  };
}
