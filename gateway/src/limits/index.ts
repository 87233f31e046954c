export { createLimitsPlugins, type LimitsDependencies, type LimitsPlugins } from './createLimitsPlugins.js';
export {
  cacheConfigSchema,
  limitsConfigSchema,
  type CacheConfig,
  type CacheConfigInput,
  type LimitsConfig,
  type LimitsConfigInput,
  type QuotaConfig,
} from './limitsConfig.js';
export { createSubgraphGuard, type SubgraphGuard } from './createSubgraphGuard.js';
export { analyzeOperation, type CostOptions, type OperationAnalysis } from './analyzeOperation.js';
export { schemaHintsOf, type SchemaHints } from './schemaHints.js';
export { createMemoryLimitStore, type LimitStore } from './limitStore.js';
export { createRedisConnection, createRedisLimitStore } from './redisLimitStore.js';
export { createTrustedDocumentStore, type TrustedDocumentStore } from './trustedDocumentStore.js';
