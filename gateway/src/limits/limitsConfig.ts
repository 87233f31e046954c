import { z } from 'zod';

/** Request rate and cost budget of one client; absent fields fall back to `limits.defaults`. */
const quotaSchema = z.strictObject({
  /** Steady request rate (token bucket refill). */
  requestsPerMinute: z.int().positive().optional(),
  /** Bucket size: requests allowed in one burst. Default: `requestsPerMinute` (one minute's worth). */
  burst: z.int().positive().optional(),
  /** Cost units per fixed minute (computed before execution from `@cost`/`@listSize`). */
  costPerMinute: z.int().positive().optional(),
  /** Cost units per fixed UTC day. */
  costPerDay: z.int().positive().optional(),
});

export type QuotaConfig = z.infer<typeof quotaSchema>;

const operationSchema = z.strictObject({
  /** Most aliased fields in one document. Default 30. */
  maxAliases: z.int().positive().default(30),
  /** Most root fields in one operation (fragments followed). Default 20. */
  maxRootFields: z.int().positive().default(20),
  /** Most directives on one field, fragment spread or inline fragment. Default 5. */
  maxDirectivesPerField: z.int().positive().default(5),
  /** Most operations in one batched (JSON array) request. Default 10. */
  maxBatchedOperations: z.int().positive().default(10),
  /** Most operation definitions in one document. Default 10. */
  maxOperations: z.int().positive().default(10),
  /** Deepest nesting of list-typed fields (a list inside a list inside …). Default 4. */
  maxListNesting: z.int().positive().default(4),
  /** Highest cost of one operation, whoever sends it. Default 5000. */
  maxCost: z.int().positive().default(5000),
});

const costSchema = z.strictObject({
  /** Assumed length of a list without `@listSize` or slicing argument. Default 10. */
  defaultListSize: z.int().positive().default(10),
  /** Cost of a composite (object) field without `@cost`. Scalars cost 0. Default 1. */
  objectFieldCost: z.int().min(0).default(1),
  /** Cost added for every subgraph call the plan needs (one per subgraph per nesting level). Default 5. */
  subgraphCallCost: z.int().min(0).default(5),
});

const storeSchema = z.strictObject({
  /** `memory`: one process (default). `redis`: shared by every replica. */
  kind: z.enum(['memory', 'redis']).default('memory'),
  /** Redis URL (`redis://host:port/db`). Default `redis://127.0.0.1:6379`. */
  redisUrl: z.string().min(1).default('redis://127.0.0.1:6379'),
  /** Prefix of every key the gateway writes. Default `lgsp:`. */
  keyPrefix: z.string().default('lgsp:'),
  /** Longest wait for one Redis command; slower counts as unavailable. Default 250 ms. */
  commandTimeoutMs: z.int().positive().default(250),
  /**
   * Redis unavailable: `open` lets requests through without limits (logged), `closed` refuses them with 503
   * `LIMITS_UNAVAILABLE`. Default `open` (the province's screens keep working; the outage is logged).
   */
  onUnavailable: z.enum(['open', 'closed']).default('open'),
});

const trustedDocumentsSchema = z.strictObject({
  /** Manifest files `{ "<sha256 hex>": "<document>" }` (the SDK's). Default none. */
  manifests: z.array(z.string().min(1)).default([]),
  /** Reload manifests when their files change. Default true. */
  watch: z.boolean().default(true),
});

const corsSchema = z.strictObject({
  /** Origins allowed to call from browsers (exact, e.g. `https://ioc.hoabinh.gov.vn`). Default none. */
  allowedOrigins: z.array(z.string().min(1)).default([]),
  /** Preflight cache lifetime. Default 600 s. */
  maxAgeSeconds: z.int().min(0).default(600),
});

const csrfSchema = z.strictObject({
  /** Refuse requests a browser could send cross-site without a preflight. Default true. */
  enabled: z.boolean().default(true),
  /** Headers whose presence proves a preflighted (non-simple) request. */
  requiredHeaders: z
    .array(z.string().min(1).toLowerCase())
    .default(['x-requested-with', 'graphql-preflight', 'apollo-require-preflight']),
});

const subgraphGuardSchema = z.strictObject({
  /** Concurrent calls to one subgraph across the whole process. Default 64. */
  maxConcurrent: z.int().positive().default(64),
  /** Calls waiting for a slot; more fail at once with UPSTREAM_UNAVAILABLE. Default 256. */
  maxQueued: z.int().min(0).default(256),
  /** Time one request may spend on one subgraph (waiting and calling). Default 8000 ms. */
  budgetMs: z.int().positive().default(8000),
  /** Per-subgraph overrides, by `join__graph(name:)`. */
  overrides: z
    .record(
      z.string(),
      z.strictObject({
        maxConcurrent: z.int().positive().optional(),
        maxQueued: z.int().min(0).optional(),
        budgetMs: z.int().positive().optional(),
      }),
    )
    .default({}),
});

/** The gateway's `limits` config section (docs/limits.md). */
export const limitsConfigSchema = z.strictObject({
  /**
   * Master switch of what limits traffic: rate and cost quotas, operation limits (`operation`) and the subgraph guard
   * (`subgraphs`). Trusted documents, CORS and CSRF apply either way. `false` is for the bare gateway of conformance
   * suites and benchmarks (`LGSP_GATEWAY_LIMITS_ENABLED=false`). Default true.
   */
  enabled: z.boolean().default(true),
  /** Quota of clients the registry gives none. Defaults: 600 req/min, burst 600, 20 000 cost/min, 2 000 000/day. */
  defaults: quotaSchema.prefault({}).transform((q) => ({
    requestsPerMinute: q.requestsPerMinute ?? 600,
    burst: q.burst ?? q.requestsPerMinute ?? 600,
    costPerMinute: q.costPerMinute ?? 20_000,
    costPerDay: q.costPerDay ?? 2_000_000,
  })),
  /** Per-client quotas by client id (`azp`), over the registry's `quota`. Default none. */
  clients: z.record(z.string(), quotaSchema).default({}),
  operation: operationSchema.prefault({}),
  cost: costSchema.prefault({}),
  store: storeSchema.prefault({}),
  trustedDocuments: trustedDocumentsSchema.prefault({}),
  cors: corsSchema.prefault({}),
  csrf: csrfSchema.prefault({}),
  subgraphs: subgraphGuardSchema.prefault({}),
});

export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
export type LimitsConfigInput = z.input<typeof limitsConfigSchema>;

/** The gateway's `cache` config section: the response cache and in-flight deduplication. */
export const cacheConfigSchema = z.strictObject({
  /** Cache query responses. Default false (turn on for the IOC's dashboards). */
  enabled: z.boolean().default(false),
  /** `memory` (default) or `redis` (shared by replicas; uses `limits.store`'s connection settings). */
  store: z.enum(['memory', 'redis']).default('memory'),
  /** TTL of operations whose root fields carry no hint. Default 0: not cached. */
  defaultTtlSeconds: z.int().min(0).default(0),
  /** TTL per type (`AirQualityIndex`) or field (`Query.airQuality`); the smallest one in an operation wins. */
  ttlSeconds: z.record(z.string(), z.int().min(0)).default({}),
  /** Cache responses that read `@personalData` fields. Default false. */
  personalData: z.boolean().default(false),
  /** Most entries in the memory store (least recently used go first). Default 1000. */
  maxEntries: z.int().positive().default(1000),
  /** Largest response stored, in bytes of JSON. Default 512 KiB. */
  maxEntryBytes: z.int().positive().default(524_288),
  /** Share one execution among identical in-flight queries of the same contract. Default true. */
  dedupInflight: z.boolean().default(true),
});

export type CacheConfig = z.infer<typeof cacheConfigSchema>;
export type CacheConfigInput = z.input<typeof cacheConfigSchema>;
