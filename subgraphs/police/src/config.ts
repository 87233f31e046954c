import { loadConfig, type LoadConfigOptions } from '@lgsp/subgraph-kit';
import { z } from 'zod';

/** The police subgraph's configuration; env variables carry the prefix `LGSP_POLICE_`. */
export const policeConfigSchema = z.object({
  /** Port to listen on (`LGSP_POLICE_PORT`). Default 4103; 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(4103),
  /** Interface to bind (`LGSP_POLICE_HOST`). Default `127.0.0.1`. */
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * The gateway's public assertion keys, a JWKS file (`LGSP_POLICE_GATEWAY_KEYS_FILE`): when set, every request must
   * carry the gateway's signed assertion (direct calls get 401). Default: none (dev, tests). Set it in production.
   */
  gatewayKeysFile: z.string().min(1).optional(),
  upstream: z
    .object({
      /**
       * The police system's root, without the service path `/soap/PoliceService`
       * (`LGSP_POLICE_UPSTREAM__BASE_URL`). Default the simulator, port 4303.
       */
      baseUrl: z.url().default('http://127.0.0.1:4303'),
      /** Per attempt (`…__REQUEST_TIMEOUT_MS`). Default 5 000 ms. */
      requestTimeoutMs: z.number().int().positive().default(5_000),
      /** (`…__CONNECT_TIMEOUT_MS`). Default 2 000 ms. */
      connectTimeoutMs: z.number().int().positive().default(2_000),
      /** Extra attempts for reads; every operation of the service is a read (`…__RETRIES`). Default 2. */
      retries: z.number().int().min(0).max(5).default(2),
      /** Keep-alive connections (`…__CONNECTIONS`). Default 16. */
      connections: z.number().int().positive().default(16),
      breaker: z
        .object({
          /** Consecutive failed attempts that open the circuit (`…__BREAKER__FAILURE_THRESHOLD`). Default 5. */
          failureThreshold: z.number().int().positive().default(5),
          /** How long it stays open (`…__BREAKER__OPEN_MS`). Default 10 000 ms. */
          openMs: z.number().int().positive().default(10_000),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type PoliceConfig = z.output<typeof policeConfigSchema>;

/** Validates config values overlaid with `LGSP_POLICE_*` env variables; throws `ConfigError` listing every problem. */
export function loadPoliceConfig(options: Omit<LoadConfigOptions, 'prefix'> = {}): PoliceConfig {
  return loadConfig(policeConfigSchema, { ...options, prefix: 'LGSP_POLICE_' });
}
