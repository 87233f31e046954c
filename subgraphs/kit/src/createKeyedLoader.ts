import DataLoader from 'dataloader';
import { NotFound } from './upstream/upstreamErrors.js';

/**
 * What a batch function may return for `keys`:
 * - an array of the same length, in the same order as `keys` (`null`, `NotFound` or an `Error` for a key
 *   that has no value), or
 * - a `Map` from key to value; a key absent from the map resolves to `null`.
 */
export type KeyedBatchResult<K, V> =
  ReadonlyArray<V | null | NotFound | Error> | ReadonlyMap<K, V | null | NotFound>;

export interface KeyedLoaderOptions<K> {
  /** Names the loader in contract errors (`communeByCode`). Default `keyedLoader`. */
  name?: string;
  /**
   * Largest batch handed to the batch function; larger ones are split into several upstream calls. Default 500:
   * all 151 old and 46 new communes fit in one call, as issue 3 requires. Lower it only for upstreams with a limit.
   */
  maxBatchSize?: number;
  /** Turns a key into a cache key, for object keys. Default: the key itself. */
  cacheKeyFn?: (key: K) => unknown;
}

const CONTRACT =
  'a batch function must return an array of the same length as its keys, in the same order ' +
  '(null, NotFound or an Error for a missing key), or a Map from key to value';

function describeResult(result: unknown): string {
  if (Array.isArray(result)) return `an array of ${result.length}`;
  if (result === null) return 'null';
  return typeof result === 'object' ? `a ${(result as object).constructor?.name ?? 'object'}` : typeof result;
}

/** Creates a per-request DataLoader that enforces the batch contract and turns `NotFound` into `null`. */
export function createKeyedLoader<K, V>(
  batchFn: (keys: readonly K[]) => Promise<KeyedBatchResult<K, V>>,
  options: KeyedLoaderOptions<K> = {},
): DataLoader<K, V | null, unknown> {
  const name = options.name ?? 'keyedLoader';
  return new DataLoader<K, V | null, unknown>(
    async (keys) => {
      const result = await batchFn(keys);
      if (result instanceof Map) {
        return keys.map((key) => {
          const value = result.get(key);
          return value === undefined || value === NotFound ? null : (value as V | null);
        });
      }
      if (!Array.isArray(result) || result.length !== keys.length) {
        const error = new Error(
          `${name}: ${CONTRACT}; got ${describeResult(result)} for ${keys.length} keys`,
        );
        return keys.map(() => error);
      }
      return result.map((value: V | null | NotFound | Error) => (value === NotFound ? null : value));
    },
    {
      maxBatchSize: options.maxBatchSize ?? 500,
      ...(options.cacheKeyFn ? { cacheKeyFn: options.cacheKeyFn } : {}),
    },
  );
}

/**
 * Lines up what an upstream sent back (any order, some keys missing) with the keys asked for: the usual last step
 * of a batch function. Items whose key was not asked for are ignored.
 */
export function alignByKey<K, V>(
  keys: readonly K[],
  items: Iterable<V>,
  keyOf: (item: V) => K,
): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const item of items) byKey.set(keyOf(item), item);
  return keys.map((key) => byKey.get(key) ?? null);
}
