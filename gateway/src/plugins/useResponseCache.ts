import type { ExecutionArgs } from 'graphql';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import type { OperationAnalysis } from '../limits/analyzeOperation.js';
import { isShareable, shareableAnswer } from '../limits/cacheEligibility.js';
import type { ResponseCacheStore } from '../limits/responseCacheStore.js';

export interface ResponseCacheOptions {
  store: ResponseCacheStore;
  live: () => ExecutableSupergraph;
  analysisOf: (args: ExecutionArgs) => OperationAnalysis;
  /** TTL of operations with a root field without a hint. */
  defaultTtlSeconds: number;
  /** Cache answers that read personal data. */
  personalData: boolean;
  maxEntryBytes: number;
  /** Called when the store fails (the request then runs uncached). */
  onStoreError: (error: Error) => void;
}

interface CacheState {
  operations: number;
  ttlSeconds?: number;
  ageSeconds?: number;
}

const states = new WeakMap<Request, CacheState>();

function stateOf(request: Request): CacheState {
  let state = states.get(request);
  if (state === undefined) states.set(request, (state = { operations: 0 }));
  return state;
}

/** The smallest TTL of the fields read; a root field without a hint brings the default. */
function ttlOf(analysis: OperationAnalysis, defaultTtlSeconds: number): number {
  const hinted = analysis.maxAgeSeconds;
  if (hinted === undefined) return defaultTtlSeconds;
  return analysis.unhintedRootFields ? Math.min(hinted, defaultTtlSeconds) : hinted;
}

/**
 * Caches whole query answers per caller partition (contract, masking state, purpose: see RequestIdentity), for the
 * TTL the fields' `@cacheControl` hints or the config give. It runs after authorization and masking decided the
 * operation and before the cost quota: a hit costs the systems nothing. Errors and partial answers are never
 * stored, nor (by default) answers that read personal data. Responses say `Cache-Control: private, max-age=…` and,
 * for hits, `Age`; everything else `no-store`.
 */
export function useResponseCache(options: ResponseCacheOptions): GatewayPlugin {
  const guarded = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      options.onStoreError(error as Error);
      return undefined;
    }
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request: Request }).request;
      const state = stateOf(request);
      state.operations += 1;
      const shared = shareableAnswer(args, options);
      if (shared === undefined) return;
      const ttlSeconds = ttlOf(shared.analysis, options.defaultTtlSeconds);
      if (ttlSeconds <= 0) return;
      const entry = await guarded(() => options.store.get(shared.key));
      if (entry !== undefined) {
        const ageSeconds = Math.floor((Date.now() - entry.storedAtMs) / 1000);
        Object.assign(state, { ttlSeconds: entry.ttlSeconds, ageSeconds });
        setResultAndStopExecution(JSON.parse(entry.body) as Record<string, unknown>);
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (!isShareable(result)) return;
          const body = JSON.stringify({ data: result.data });
          if (Buffer.byteLength(body) > options.maxEntryBytes) return;
          Object.assign(state, { ttlSeconds, ageSeconds: 0 });
          void guarded(() => options.store.set(shared.key, { body, storedAtMs: Date.now(), ttlSeconds }));
        },
      };
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state === undefined) return;
      // One answer, one freshness: a batch mixes operations, and an error answer is never cacheable.
      if (state.operations !== 1 || state.ttlSeconds === undefined || response.status !== 200) {
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const age = state.ageSeconds ?? 0;
      response.headers.set('cache-control', `private, max-age=${Math.max(0, state.ttlSeconds - age)}`);
      response.headers.set('age', String(age));
    },
  };
}
