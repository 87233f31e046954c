import { loadConfig } from '@lgsp/subgraph-kit';
import { z } from 'zod';

/** The health subgraph's configuration; every key can be set by env (`LGSP_HEALTH_…`, nested keys joined by `__`). */
export const healthConfigSchema = z.object({
  /** Port to listen on. Default 4104 (schema/README.md). Env `LGSP_HEALTH_PORT`. */
  port: z.number().int().min(0).max(65_535).default(4104),
  /** Default `127.0.0.1`. Env `LGSP_HEALTH_HOST`. */
  host: z.string().min(1).default('127.0.0.1'),
  /**
   * The gateway's public assertion keys, a JWKS file (`LGSP_HEALTH_GATEWAY_KEYS_FILE`): when set, every request must
   * carry the gateway's signed assertion (direct calls get 401). Default: none (dev, tests). Set it in production.
   */
  gatewayKeysFile: z.string().min(1).optional(),
  /** pino level. Default `info`. Env `LGSP_HEALTH_LOG_LEVEL`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  upstream: z
    .object({
      /** The registry's API root. Default the simulator's, `http://127.0.0.1:4304/api/v1`. Env `…UPSTREAM__BASE_URL`. */
      baseUrl: z.url().default('http://127.0.0.1:4304/api/v1'),
      /** Per attempt. Default 5 000 ms. Env `…UPSTREAM__REQUEST_TIMEOUT_MS`. */
      requestTimeoutMs: z.number().int().positive().default(5_000),
      /** Default 2 000 ms. Env `…UPSTREAM__CONNECT_TIMEOUT_MS`. */
      connectTimeoutMs: z.number().int().positive().default(2_000),
      /** Extra attempts for reads. Default 2. Env `…UPSTREAM__RETRIES`. */
      retries: z.number().int().min(0).max(5).default(2),
      /** Keep-alive connections. Default 16. Env `…UPSTREAM__CONNECTIONS`. */
      connections: z.number().int().positive().default(16),
      /** Consecutive failures that open the circuit. Default 5. Env `…UPSTREAM__BREAKER_FAILURE_THRESHOLD`. */
      breakerFailureThreshold: z.number().int().positive().default(5),
      /** How long the open circuit fails fast. Default 10 000 ms. Env `…UPSTREAM__BREAKER_OPEN_MS`. */
      breakerOpenMs: z.number().int().positive().default(10_000),
    })
    .prefault({}),
});

export type HealthConfig = z.output<typeof healthConfigSchema>;
export type HealthConfigInput = z.input<typeof healthConfigSchema>;

export interface LoadHealthConfigOptions {
  /** Values from a file or a test; env wins over them. Default `{}`. */
  values?: HealthConfigInput;
  /** Default `process.env`; tests pass `{}`. */
  env?: Record<string, string | undefined>;
}

/** Validates the configuration, reporting every problem at once (ConfigError). */
export function loadHealthConfig(options: LoadHealthConfigOptions = {}): HealthConfig {
  return loadConfig(healthConfigSchema, {
    values: options.values as Record<string, unknown> | undefined,
    env: options.env,
    prefix: 'LGSP_HEALTH_',
  });
}
