import { loadConfig, upstreamDefaults } from '@lgsp/subgraph-kit';
import { z } from 'zod';

/**
 * The egov subgraph's configuration. Every option can be set by env with the prefix `LGSP_EGOV_` (nested keys joined
 * by `__`: `upstream.baseUrl` ← `LGSP_EGOV_UPSTREAM__BASE_URL`).
 */
export const egovConfigSchema = z.object({
  /** Port of the subgraph. Default 4102 (schema/README.md); tests use 0. Env `LGSP_EGOV_PORT`. */
  port: z.number().int().min(0).max(65_535).default(4102),
  /** Default `127.0.0.1`. Env `LGSP_EGOV_HOST`. */
  host: z.string().min(1).default('127.0.0.1'),
  /** Log level (pino). Default `info`. Env `LGSP_EGOV_LOG_LEVEL`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The gateway's public assertion keys, a JWKS file (`LGSP_EGOV_GATEWAY_KEYS_FILE`): when set, every request must
   * carry the gateway's signed assertion (direct calls get 401). Default: none (dev, tests). Set it in production.
   */
  gatewayKeysFile: z.string().min(1).optional(),
  upstream: z
    .object({
      /** The egov system's API root. Default `http://127.0.0.1:4302/api/v1` (the simulator). */
      baseUrl: z.url().default('http://127.0.0.1:4302/api/v1'),
      /** Default 2 000 ms. */
      connectTimeoutMs: z.number().int().positive().default(upstreamDefaults.connectTimeoutMs),
      /** Per attempt. Default 5 000 ms. */
      requestTimeoutMs: z.number().int().positive().default(upstreamDefaults.requestTimeoutMs),
      /** Extra attempts for reads. Default 2. */
      retries: z.number().int().min(0).max(5).default(upstreamDefaults.retries),
      /** Keep-alive connections. Default 16. */
      connections: z.number().int().positive().default(upstreamDefaults.connections),
      /** An API key the upstream expects in `x-api-key`, if any. Default none. */
      apiKey: z.string().min(1).optional(),
    })
    .prefault({}),
});

export type EgovConfig = z.output<typeof egovConfigSchema>;

/** Reads and validates the configuration (env wins over `values`); throws a ConfigError listing every problem. */
export function loadEgovConfig(
  values: Record<string, unknown> = {},
  env: Record<string, string | undefined> = process.env,
): EgovConfig {
  return loadConfig(egovConfigSchema, { values, env, prefix: 'LGSP_EGOV_' });
}
