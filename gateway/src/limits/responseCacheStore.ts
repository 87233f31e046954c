import type { Redis } from 'ioredis';

/** One cached response: the JSON of `{ data }`, when it was stored and for how long it is fresh. */
export interface CacheEntry {
  body: string;
  storedAtMs: number;
  ttlSeconds: number;
}

export interface ResponseCacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
}

/** In-process LRU bounded by entry count; entries also expire by TTL. */
export function createMemoryCacheStore(maxEntries: number, now: () => number = Date.now): ResponseCacheStore {
  const entries = new Map<string, CacheEntry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return Promise.resolve(undefined);
      entries.delete(key);
      if (now() - entry.storedAtMs >= entry.ttlSeconds * 1000) return Promise.resolve(undefined);
      entries.set(key, entry); // most recently used last
      return Promise.resolve(entry);
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return Promise.resolve();
    },
  };
}

/** Shared by replicas; Redis expires entries itself. */
export function createRedisCacheStore(redis: Redis, keyPrefix: string): ResponseCacheStore {
  return {
    async get(key) {
      const raw = await redis.get(`${keyPrefix}cache:${key}`);
      return raw === null ? undefined : (JSON.parse(raw) as CacheEntry);
    },
    async set(key, entry) {
      await redis.set(`${keyPrefix}cache:${key}`, JSON.stringify(entry), 'PX', entry.ttlSeconds * 1000);
    },
  };
}
