import { loadConfig, type LoadConfigOptions } from '@lgsp/subgraph-kit';
import { z } from 'zod';

/** The environment subgraph's configuration; env variables carry the prefix `LGSP_ENVIRONMENT_`. */
export const environmentConfigSchema = z.object({
  /** Port to listen on (`LGSP_ENVIRONMENT_PORT`). Default 4105; 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(4105),
  /** Interface to bind (`LGSP_ENVIRONMENT_HOST`). Default `127.0.0.1`. */
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * The gateway's public assertion keys, a JWKS file (`LGSP_ENVIRONMENT_GATEWAY_KEYS_FILE`): when set, every request must
   * carry the gateway's signed assertion (direct calls get 401). Default: none (dev, tests). Set it in production.
   */
  gatewayKeysFile: z.string().min(1).optional(),
  upstream: z
    .object({
      /** The monitoring system's API root (`LGSP_ENVIRONMENT_UPSTREAM__BASE_URL`). Default the simulator, port 4305. */
      baseUrl: z.url().default('http://127.0.0.1:4305/api/v1'),
      /** Per attempt (`…__REQUEST_TIMEOUT_MS`). Default 5 000 ms. */
      requestTimeoutMs: z.number().int().positive().default(5_000),
      /** (`…__CONNECT_TIMEOUT_MS`). Default 2 000 ms. */
      connectTimeoutMs: z.number().int().positive().default(2_000),
      /** Extra attempts for reads (`…__RETRIES`). Default 2. */
      retries: z.number().int().min(0).max(5).default(2),
      /** Keep-alive connections (`…__CONNECTIONS`). Default 16. */
      connections: z.number().int().positive().default(16),
    })
    .prefault({}),
});

export type EnvironmentConfig = z.output<typeof environmentConfigSchema>;

/** Validates config values overlaid with `LGSP_ENVIRONMENT_*` env variables; throws `ConfigError` listing every problem. */
export function loadEnvironmentConfig(options: Omit<LoadConfigOptions, 'prefix'> = {}): EnvironmentConfig {
  return loadConfig(environmentConfigSchema, { ...options, prefix: 'LGSP_ENVIRONMENT_' });
}
