import { loadConfig, type LoadConfigOptions } from '@lgsp/subgraph-kit';
import { z } from 'zod';

/** The catalog subgraph's configuration; env variables carry the prefix `LGSP_CATALOG_`. */
export const catalogConfigSchema = z.object({
  /** Port to listen on (`LGSP_CATALOG_PORT`). Default 4101; 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(4101),
  /** Interface to bind (`LGSP_CATALOG_HOST`). Default `127.0.0.1`. */
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * The gateway's public assertion keys, a JWKS file (`LGSP_CATALOG_GATEWAY_KEYS_FILE`): when set, every request must
   * carry the gateway's signed assertion (direct calls get 401). Default: none (dev, tests). Set it in production.
   */
  gatewayKeysFile: z.string().min(1).optional(),
  upstream: z
    .object({
      /** The category service's API root (`LGSP_CATALOG_UPSTREAM__BASE_URL`). Default the simulator, port 4301. */
      baseUrl: z.url().default('http://127.0.0.1:4301/api/v1'),
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

export type CatalogConfig = z.output<typeof catalogConfigSchema>;

/** Validates config values overlaid with `LGSP_CATALOG_*` env variables; throws `ConfigError` listing every problem. */
export function loadCatalogConfig(options: Omit<LoadConfigOptions, 'prefix'> = {}): CatalogConfig {
  return loadConfig(catalogConfigSchema, { ...options, prefix: 'LGSP_CATALOG_' });
}
