import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import { useCors } from '../plugins/useCors.js';
import { useCostLimit } from '../plugins/useCostLimit.js';
import { useCsrf } from '../plugins/useCsrf.js';
import { useInflightDedup } from '../plugins/useInflightDedup.js';
import { useOperationLimits } from '../plugins/useOperationLimits.js';
import { useRateLimit } from '../plugins/useRateLimit.js';
import { useResponseCache } from '../plugins/useResponseCache.js';
import { useTrustedDocuments } from '../plugins/useTrustedDocuments.js';
import { createSubgraphGuard, type SubgraphGuard } from './createSubgraphGuard.js';
import type { CacheConfig, LimitsConfig, QuotaConfig } from './limitsConfig.js';
import { createMemoryLimitStore, type LimitStore } from './limitStore.js';
import { createOperationAnalyzer } from './operationAnalysis.js';
import { createStoreGuard, resolveQuota } from './quotas.js';
import { createRedisConnection, createRedisLimitStore, whenRedisReady } from './redisLimitStore.js';
import { createMemoryCacheStore, createRedisCacheStore } from './responseCacheStore.js';
import { createTrustedDocumentStore, type TrustedDocumentStore } from './trustedDocumentStore.js';

export interface LimitsDependencies {
  /** The live supergraph (cost, cache and personal-data hints are read from its directives). */
  live: () => ExecutableSupergraph;
  log: Logger;
  /** A client's `quota` in the partner registry (read on every request, so a registry reload applies). */
  registryQuota?: (clientId: string) => QuotaConfig | undefined;
  /** A Redis connection to use instead of opening one from `limits.store.redisUrl`; the caller closes it. */
  redis?: Redis;
}

export interface LimitsPlugins {
  /** Every plugin, in order (below). */
  plugins: GatewayPlugin[];
  /** useCors, useCsrf: before authentication (a forged cross-site request is refused before a token is verified). */
  beforeAuthentication: GatewayPlugin[];
  /** Rate limit → trusted documents → operation limits → response cache → in-flight dedup → cost quota. */
  afterAuthentication: GatewayPlugin[];
  /** Wraps each subgraph executor (concurrency cap, time budget): apply where executors are created. */
  subgraphGuard: SubgraphGuard;
  trustedDocuments?: TrustedDocumentStore;
  close(): Promise<void>;
}

function openStores(config: { limits: LimitsConfig; cache: CacheConfig }, deps: LimitsDependencies) {
  const { store } = config.limits;
  const needsRedis = store.kind === 'redis' || (config.cache.enabled && config.cache.store === 'redis');
  let lastError = 0;
  const redis =
    deps.redis ??
    (needsRedis
      ? createRedisConnection({
          url: store.redisUrl,
          commandTimeoutMs: store.commandTimeoutMs,
          onError: (error) => {
            if (Date.now() - lastError < 10_000) return;
            lastError = Date.now();
            deps.log.warn({ err: error.message }, 'redis connection error');
          },
        })
      : undefined);
  const limitStore: LimitStore =
    store.kind === 'redis' ? createRedisLimitStore(redis!, store.keyPrefix) : createMemoryLimitStore();
  const cacheStore =
    config.cache.store === 'redis' && redis
      ? createRedisCacheStore(redis, store.keyPrefix)
      : createMemoryCacheStore(config.cache.maxEntries);
  const ownsRedis = deps.redis === undefined && redis !== undefined;
  return { redis, ownsRedis, limitStore, cacheStore };
}

/** With `limits.enabled: false`: executors as they are (the bare gateway of the conformance suite and benchmark). */
const passThroughGuard: SubgraphGuard = { wrap: (_subgraph, executor) => executor, load: () => ({}) };

/**
 * `limits.enabled: false` turns off what limits traffic (quotas, operation limits, the subgraph guard); the access
 * rules stay (trusted documents, CORS, CSRF), as do the response cache and dedup, which the `cache` section governs.
 *
 * The limits and cache plugins, in order, and why:
 * 1. useCors, useCsrf (onRequest/onRequestParse): browser rules first; nothing about the caller is needed.
 * 2. useRateLimit (onRequestParse): after authentication (the bucket is the client's), before the body is read:
 *    a client over its rate costs one store call.
 * 3. useTrustedDocuments (onParams): turns a hash into the manifest's text, or refuses text from trusted-only
 *    clients, before anything parses it.
 * 4. useOperationLimits (parse, then execute): shape limits right after parsing, before validation; list nesting
 *    and maximum cost at execution, after authorization decided the operation and before any subgraph call.
 * 5. useResponseCache, then useInflightDedup (execute): answers that cost the systems nothing are served before…
 * 6. useCostLimit (execute): …the cost quota, so only real executions spend it. Last before execution itself.
 */
export async function createLimitsPlugins(
  config: { limits: LimitsConfig; cache: CacheConfig },
  deps: LimitsDependencies,
): Promise<LimitsPlugins> {
  const { limits, cache } = config;
  const stores = openStores(config, deps);
  if (stores.redis && !(await whenRedisReady(stores.redis, 5000))) {
    deps.log.warn(
      { failMode: limits.store.onUnavailable },
      'redis not reachable at start; limits apply their fail mode',
    );
  }
  const guard = createStoreGuard({
    store: stores.limitStore,
    onUnavailable: limits.store.onUnavailable,
    log: deps.log,
  });
  const quotaOf = (clientId: string) => resolveQuota(limits, clientId, deps.registryQuota?.(clientId));
  const analysisOf = createOperationAnalyzer({
    live: deps.live,
    cost: limits.cost,
    ttlSeconds: cache.ttlSeconds,
  });
  const trustedDocuments =
    limits.trustedDocuments.manifests.length > 0
      ? await createTrustedDocumentStore(limits.trustedDocuments.manifests, {
          watch: limits.trustedDocuments.watch,
          log: deps.log,
        })
      : undefined;
  const onUnavailable = limits.store.onUnavailable;
  const shared = { live: deps.live, analysisOf, personalData: cache.personalData };
  const beforeAuthentication = [useCors(limits.cors), ...(limits.csrf.enabled ? [useCsrf(limits.csrf)] : [])];
  const afterAuthentication = [
    ...(limits.enabled ? [useRateLimit({ guard, onUnavailable, quotaOf })] : []),
    useTrustedDocuments({ store: trustedDocuments ?? { get: () => undefined } }),
    ...(limits.enabled ? [useOperationLimits({ ...limits.operation, analysisOf })] : []),
    ...(cache.enabled
      ? [
          useResponseCache({
            ...shared,
            store: stores.cacheStore,
            defaultTtlSeconds: cache.defaultTtlSeconds,
            maxEntryBytes: cache.maxEntryBytes,
            onStoreError: (error) => deps.log.warn({ err: error.message }, 'response cache unavailable'),
          }),
        ]
      : []),
    ...(cache.dedupInflight ? [useInflightDedup(shared)] : []),
    ...(limits.enabled ? [useCostLimit({ guard, onUnavailable, quotaOf, analysisOf })] : []),
  ];
  return {
    plugins: [...beforeAuthentication, ...afterAuthentication],
    beforeAuthentication,
    afterAuthentication,
    subgraphGuard: limits.enabled ? createSubgraphGuard(limits.subgraphs, deps.log) : passThroughGuard,
    ...(trustedDocuments ? { trustedDocuments } : {}),
    async close() {
      trustedDocuments?.close();
      await stores.limitStore.close();
      if (stores.ownsRedis) stores.redis!.disconnect();
    },
  };
}
