import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { auditConfigSchema } from '@lgsp/audit';
import { authConfigSchema } from './auth/authConfig.js';
import { cacheConfigSchema, limitsConfigSchema } from './limits/limitsConfig.js';

/**
 * The gateway's one configuration object. Each concern is its own section schema, so a later feature
 * (auth, audit, limits) adds its section here in one line. Sources, lowest precedence first: defaults,
 * the JSON config file, `LGSP_GATEWAY_*` environment variables, explicit overrides (CLI flags, tests).
 * Nothing else in the gateway reads `process.env`.
 */

const serverSection = z
  .object({
    /** Interface to bind. Default `0.0.0.0`. */
    host: z.string().min(1).default('0.0.0.0'),
    /** TCP port; 0 picks a free one. Default 4000. */
    port: z.number().int().min(0).max(65535).default(4000),
    /** Path of the GraphQL endpoint. Default `/graphql`. */
    graphqlPath: z.string().startsWith('/').default('/graphql'),
    /** Largest accepted request body in bytes; larger bodies get 413. Default 1 MiB. */
    maxBodyBytes: z.number().int().positive().default(1_048_576),
    /** Most lexical tokens in one GraphQL document; more is refused before parsing finishes. Default 10000. */
    maxTokens: z.number().int().positive().default(10_000),
    /** Deepest field nesting in one document (fragments followed). Default 32. */
    maxDepth: z.number().int().positive().default(32),
    /** How long SIGTERM waits for in-flight requests before exiting anyway. Default 10000 ms. */
    shutdownTimeoutMs: z.number().int().positive().default(10_000),
  })
  .strict();

const supergraphSection = z
  .object({
    /** Path of the Federation v2 supergraph SDL file. Required (config or `--supergraph`). */
    path: z.string().min(1),
    /** Reload the supergraph when the file changes. Default true. */
    watch: z.boolean().default(true),
    /** Stat-poll interval backing up fs.watch (which misses some editors and bind mounts). Default 1000 ms. */
    pollIntervalMs: z.number().int().positive().default(1000),
  })
  .strict();

const subgraphOverride = z
  .object({
    /** Replaces the URL written in the supergraph for this subgraph (production hosts differ). */
    url: z.url().optional(),
    /** Per-subgraph timeout; defaults to `subgraphs.timeoutMs`. */
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();

const subgraphsSection = z
  .object({
    /** Time allowed for one subgraph call, headers and body. Default 10000 ms. */
    timeoutMs: z.number().int().positive().default(10_000),
    /** Keep-alive connections per subgraph origin. Default 128. */
    connections: z.number().int().positive().default(128),
    /** Idle keep-alive socket lifetime. Default 30000 ms. */
    keepAliveTimeoutMs: z.number().int().positive().default(30_000),
    /** Largest subgraph response body read; larger ones become UPSTREAM_ERROR. Default 16 MiB. */
    maxResponseBytes: z.number().int().positive().default(16_777_216),
    /** Client request headers copied to subgraph calls (lower case). Default: none besides the request id. */
    forwardHeaders: z.array(z.string().min(1).toLowerCase()).default([]),
    /** Time allowed for one readiness probe of a subgraph. Default 2000 ms. */
    probeTimeoutMs: z.number().int().positive().default(2000),
    /** Per-subgraph overrides, keyed by the subgraph name in the supergraph (`join__graph(name:)`). */
    overrides: z.record(z.string(), subgraphOverride).default({}),
  })
  .strict();

const executionSection = z
  .object({
    /**
     * Execute queries inside the query planner's subset with our own cached plans (gateway/src/execution,
     * docs/performance.md) instead of schema stitching; everything else still runs on stitching. Default false.
     */
    planner: z.boolean().default(false),
  })
  .strict();

const logSection = z
  .object({
    /** pino level. Default `info`. */
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();

const metricsSection = z
  .object({
    /** Serve Prometheus metrics. Default true. */
    enabled: z.boolean().default(true),
    /** Path of the scrape endpoint; answered without a token, like `/healthz`. Default `/metrics`. */
    path: z.string().startsWith('/').default('/metrics'),
    /**
     * Label request metrics with the partner's client id (`azp`, bounded by the partner registry). Default false:
     * one series per partner multiplies the series count.
     */
    perClientLabels: z.boolean().default(false),
    /** Also export Node's process metrics (CPU, memory, event loop lag, GC). Default true. */
    processMetrics: z.boolean().default(true),
  })
  .strict();

export const gatewayConfigSchema = z
  .object({
    /** Development mode: GraphiQL on the GraphQL path. Default false. */
    dev: z.boolean().default(false),
    /** Header carrying the request id, read from clients and sent to subgraphs. Default `x-request-id`. */
    requestIdHeader: z.string().min(1).toLowerCase().default('x-request-id'),
    server: serverSection.prefault({}),
    supergraph: supergraphSection,
    subgraphs: subgraphsSection.prefault({}),
    execution: executionSection.prefault({}),
    log: logSection.prefault({}),
    /**
     * Identity and authorization (docs/identity.md). Default mode `required`, which needs `auth.issuer`; the bare
     * gateway over a foreign supergraph (conformance suites, benchmarks) sets `{ "mode": "off" }`.
     */
    auth: authConfigSchema.prefault({}),
    /** Prometheus metrics (docs/observability.md). */
    metrics: metricsSection.prefault({}),
    /**
     * The data-access audit trail (docs/audit.md §6). Default: on, hash-chained JSON-lines files under
     * `.data/audit`, fail-closed for personal data.
     */
    audit: auditConfigSchema.prefault({}),
    /**
     * Partner traffic protection (docs/limits.md): rate and cost quotas, operation limits, trusted documents, CORS,
     * CSRF, the subgraph guard. Default: quotas on (600 req/min, 20 000 cost/min per client), memory store.
     */
    limits: limitsConfigSchema.prefault({}),
    /** The response cache and in-flight deduplication (docs/limits.md). Default: cache off, dedup on. */
    cache: cacheConfigSchema.prefault({}),
  })
  .strict();

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
/** What callers may write: every field with a default is optional. */
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;

/** Thrown by `loadConfig`; `problems` lists every invalid setting at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid gateway configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** JSON config file to read. Default: none. */
  file?: string | undefined;
  /** Environment to read `LGSP_GATEWAY_*` from. Default: none (bin passes `process.env`). */
  env?: Record<string, string | undefined>;
  /** Highest-precedence values (CLI flags). */
  overrides?: DeepPartial<GatewayConfigInput>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Environment variable → config path. Numbers and booleans are parsed; lists are comma-separated. */
const envPaths: Record<string, { path: string[]; kind: 'string' | 'number' | 'boolean' | 'list' }> = {
  LGSP_GATEWAY_DEV: { path: ['dev'], kind: 'boolean' },
  LGSP_GATEWAY_HOST: { path: ['server', 'host'], kind: 'string' },
  LGSP_GATEWAY_PORT: { path: ['server', 'port'], kind: 'number' },
  LGSP_GATEWAY_MAX_BODY_BYTES: { path: ['server', 'maxBodyBytes'], kind: 'number' },
  LGSP_GATEWAY_SHUTDOWN_TIMEOUT_MS: { path: ['server', 'shutdownTimeoutMs'], kind: 'number' },
  LGSP_GATEWAY_SUPERGRAPH: { path: ['supergraph', 'path'], kind: 'string' },
  LGSP_GATEWAY_SUPERGRAPH_WATCH: { path: ['supergraph', 'watch'], kind: 'boolean' },
  LGSP_GATEWAY_SUBGRAPH_TIMEOUT_MS: { path: ['subgraphs', 'timeoutMs'], kind: 'number' },
  LGSP_GATEWAY_FORWARD_HEADERS: { path: ['subgraphs', 'forwardHeaders'], kind: 'list' },
  LGSP_GATEWAY_LOG_LEVEL: { path: ['log', 'level'], kind: 'string' },
  LGSP_GATEWAY_EXECUTION_PLANNER: { path: ['execution', 'planner'], kind: 'boolean' },
  LGSP_GATEWAY_METRICS_ENABLED: { path: ['metrics', 'enabled'], kind: 'boolean' },
  LGSP_GATEWAY_AUTH_MODE: { path: ['auth', 'mode'], kind: 'string' },
  LGSP_GATEWAY_AUDIT_ENABLED: { path: ['audit', 'enabled'], kind: 'boolean' },
  LGSP_GATEWAY_AUDIT_SINK: { path: ['audit', 'sink'], kind: 'string' },
  LGSP_GATEWAY_AUDIT_DIR: { path: ['audit', 'file', 'dir'], kind: 'string' },
  LGSP_GATEWAY_AUDIT_PG_URL: { path: ['audit', 'postgres', 'connectionString'], kind: 'string' },
  LGSP_GATEWAY_AUDIT_KEY_FILE: { path: ['audit', 'key', 'file'], kind: 'string' },
  LGSP_GATEWAY_LIMITS_ENABLED: { path: ['limits', 'enabled'], kind: 'boolean' },
  LGSP_GATEWAY_LIMITS_STORE: { path: ['limits', 'store', 'kind'], kind: 'string' },
  LGSP_GATEWAY_LIMITS_REDIS_URL: { path: ['limits', 'store', 'redisUrl'], kind: 'string' },
  LGSP_GATEWAY_LIMITS_ON_UNAVAILABLE: { path: ['limits', 'store', 'onUnavailable'], kind: 'string' },
  LGSP_GATEWAY_TRUSTED_DOCUMENTS: { path: ['limits', 'trustedDocuments', 'manifests'], kind: 'list' },
  LGSP_GATEWAY_CORS_ORIGINS: { path: ['limits', 'cors', 'allowedOrigins'], kind: 'list' },
  LGSP_GATEWAY_CACHE_ENABLED: { path: ['cache', 'enabled'], kind: 'boolean' },
  LGSP_GATEWAY_CACHE_STORE: { path: ['cache', 'store'], kind: 'string' },
  LGSP_GATEWAY_CACHE_DEDUP_INFLIGHT: { path: ['cache', 'dedupInflight'], kind: 'boolean' },
  LGSP_GATEWAY_AUTH_ISSUER: { path: ['auth', 'issuer'], kind: 'string' },
  LGSP_GATEWAY_AUTH_REGISTRY_FILE: { path: ['auth', 'registryFile'], kind: 'string' },
  LGSP_GATEWAY_AUTH_ASSERTION_KEY_FILE: {
    path: ['auth', 'subgraphAssertion', 'privateKeyFile'],
    kind: 'string',
  },
};
const subgraphUrlEnv = /^LGSP_GATEWAY_SUBGRAPH_URL_(.+)$/;

function parseEnvValue(name: string, raw: string, kind: string, problems: string[]): unknown {
  if (kind === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) problems.push(`${name}: expected a number, got "${raw}"`);
    return n;
  }
  if (kind === 'boolean') {
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name}: expected true or false`);
    return raw === 'true' || raw === '1';
  }
  if (kind === 'list')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return raw;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    const prev = out[key];
    const bothObjects = [prev, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothObjects
      ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>)
      : value;
  }
  return out;
}

function readEnv(env: Record<string, string | undefined>, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || !name.startsWith('LGSP_GATEWAY_')) continue;
    const known = envPaths[name];
    const urlMatch = subgraphUrlEnv.exec(name);
    if (known) setPath(out, known.path, parseEnvValue(name, raw, known.kind, problems));
    else if (urlMatch) setPath(out, ['subgraphs', 'overrides', urlMatch[1]!, 'url'], raw);
  }
  return out;
}

function readFile(file: string, problems: string[]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    problems.push(`${file}: expected a JSON object`);
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
  }
  return {};
}

/** Validates a config object; throws ConfigError with every problem. Tests call this with plain objects. */
export function parseConfig(input: unknown, earlierProblems: string[] = []): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(input);
  const problems = [...earlierProblems];
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Reads file + environment + overrides, validates, and reports every problem at once. */
export function loadConfig(options: LoadConfigOptions = {}): GatewayConfig {
  const problems: string[] = [];
  const fromFile = options.file ? readFile(options.file, problems) : {};
  const fromEnv = readEnv(options.env ?? {}, problems);
  const merged = deepMerge(
    deepMerge(fromFile, fromEnv),
    (options.overrides ?? {}) as Record<string, unknown>,
  );
  return parseConfig(merged, problems);
}
