import { Redis } from 'ioredis';
import { bucketResult, windowOf, type LimitStore } from './limitStore.js';

export interface RedisConnectionOptions {
  url: string;
  /** Longest wait for one command; a slower Redis counts as unavailable. */
  commandTimeoutMs: number;
  /** Called on connection errors (logged by the caller, never thrown: an unhandled 'error' event would crash). */
  onError: (error: Error) => void;
}

/**
 * A connection that fails fast while Redis is away: no offline queue (a command then rejects at once instead of
 * piling up behind a dead socket), no per-command retries, a short command timeout, and background reconnects.
 */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
  });
  redis.on('error', options.onError);
  return redis;
}

/**
 * Waits until the connection is ready (commands before that would fail: there is no offline queue), at most
 * `timeoutMs`; a Redis that is down at start is not fatal, requests then meet the configured fail mode.
 */
export function whenRedisReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}

// Redis' own clock is the one clock every replica shares. Numbers go back as strings: Lua numbers become integers
// in replies, which would drop the fraction of a token.
const takeScript = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
return {allowed, tostring(tokens)}
`;

const spendScript = `
local amount = tonumber(ARGV[1])
local used = {}
local allowed = 1
for i, key in ipairs(KEYS) do
  used[i] = tonumber(redis.call('GET', key) or '0')
  if used[i] + amount > tonumber(ARGV[2 * i]) then allowed = 0 end
end
if allowed == 1 then
  for i, key in ipairs(KEYS) do
    used[i] = redis.call('INCRBY', key, amount)
    redis.call('PEXPIRE', key, ARGV[2 * i + 1])
  end
end
table.insert(used, 1, allowed)
return used
`;

/** The store shared by every replica. Each call is one Lua script, so check-and-spend is atomic across replicas. */
export function createRedisLimitStore(redis: Redis, keyPrefix: string): LimitStore {
  return {
    async take(spec) {
      const reply = (await redis.eval(
        takeScript,
        1,
        `${keyPrefix}rate:${spec.key}`,
        spec.capacity,
        spec.refillPerMs,
      )) as [number, string];
      return bucketResult(Number(reply[1]), spec, reply[0] === 1);
    },
    async spend(specs, amount) {
      const now = Date.now();
      const windows = specs.map((spec) => ({ spec, ...windowOf(now, spec.windowMs) }));
      const keys = windows.map((w) => `${keyPrefix}cost:${w.spec.key}:${w.index}`);
      const args = windows.flatMap((w) => [w.spec.limit, w.resetMs + 1000]);
      const reply = (await redis.eval(spendScript, keys.length, ...keys, amount, ...args)) as number[];
      return {
        allowed: reply[0] === 1,
        windows: windows.map((w, i) => ({
          limit: w.spec.limit,
          used: Number(reply[i + 1]),
          resetMs: w.resetMs,
        })),
      };
    },
    async close() {
      // The connection is owned by whoever created it (shared with the response cache).
    },
  };
}
