import { pino, type Logger } from 'pino';
import { z } from 'zod';
import type { AuditTrailApi } from './auditTrail.js';
import { openInProcessAuditTrail } from './openInProcessAuditTrail.js';
import { schemaNamePattern } from './postgresSchema.js';
import { createThreadedAuditTrail } from './threadedAuditTrail.js';
import { createDisabledAuditTrail } from './disabledAuditTrail.js';

const mib = 1024 * 1024;

/**
 * The `audit` section of the gateway's config (DESIGN.md §4). Defaults give the embedded setup: a hash-chained
 * JSON-lines file under `.data/audit`, fail-closed, a development key generated on first start.
 */
export const auditConfigSchema = z
  .object({
    /** Record operations at all. Default true. Turning it off also turns off the fail-closed rule. */
    enabled: z.boolean().default(true),
    /** `file` (embedded default) or `postgres` (production). Default `file`. */
    sink: z.enum(['file', 'postgres']).default('file'),
    /**
     * Run the writer (hashing, chaining, disk and database I/O) in a worker thread instead of on the main thread
     * between requests (`append` itself only enqueues either way). Default: true for `postgres` (the driver's
     * work then leaves the request thread), false for `file` (copying inputs to a thread costs more than writing
     * the file). Measured in docs/audit.md §9.
     */
    thread: z.boolean().optional(),
    /** `closed`: refuse personal-data reads (AUDIT_UNAVAILABLE, 503) when records cannot be made durable. Default `closed`. */
    failMode: z.enum(['closed', 'open']).default('closed'),
    file: z
      .object({
        /** Directory of the audit files. Default `.data/audit`. */
        dir: z.string().min(1).default('.data/audit'),
        /** Rotate when a file would exceed this size. Default 64 MiB. */
        maxFileBytes: z
          .number()
          .int()
          .positive()
          .default(64 * mib),
        /** Also rotate when the UTC day changes. Default true. */
        rotateDaily: z.boolean().default(true),
        /** fdatasync after each batch. Default true. */
        fsync: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    postgres: z
      .object({
        /** `postgres://user@host:port/db`. Required when `sink` is `postgres`. */
        connectionString: z.string().min(1).optional(),
        /** Schema of the audit tables (created and migrated at start). Default `lgsp_audit`. */
        schema: z.string().regex(schemaNamePattern).default('lgsp_audit'),
        /** Per-statement timeout; a slower database is treated as down and records wait in the spool. Default 10000 ms. */
        queryTimeoutMs: z.number().int().positive().default(10_000),
        /** Default 5000 ms. */
        connectTimeoutMs: z.number().int().positive().default(5000),
      })
      .strict()
      .prefault({}),
    spool: z
      .object({
        /** Local directory of the spool (PostgreSQL sink only). Default `.data/audit-spool`. */
        dir: z.string().min(1).default('.data/audit-spool'),
        /** Beyond this size the spool refuses records and personal-data reads are refused. Default 1 GiB. */
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(1024 * mib),
        /** Default 8 MiB. */
        segmentBytes: z
          .number()
          .int()
          .positive()
          .default(8 * mib),
        /** Default true. */
        fsync: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    key: z
      .object({
        /** HMAC key for keyed hashes, base64 or hex, at least 32 bytes. Pass it from a secret; never commit it. */
        value: z.string().min(1).optional(),
        /** File holding the key (base64 or hex). Used when `value` is absent. */
        file: z.string().min(1).optional(),
        /**
         * When neither is set: a random key is generated once into `<file.dir>/hmac.key` (development only; a
         * warning is logged). Set false in production to refuse to start without a key. Default true.
         */
        generateDevKey: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    retention: z
      .object({
        /** Records older than this are removed (behind a checkpoint). Default 730 days; see docs/audit.md. 0 keeps forever. */
        days: z.number().int().min(0).default(730),
        /** How often retention runs. Default 3600000 ms (1 hour). */
        intervalMs: z.number().int().positive().default(3_600_000),
      })
      .strict()
      .prefault({}),
    writer: z
      .object({
        /** Records per write. Default 512. */
        batchMaxRecords: z.number().int().positive().default(512),
        /** In-memory queue limit. Default 100000. */
        maxQueuedRecords: z.number().int().positive().default(100_000),
        /** How long shutdown waits for delivery. Default 10000 ms. */
        closeTimeoutMs: z.number().int().positive().default(10_000),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.sink === 'postgres' && !config.postgres.connectionString)
      ctx.addIssue({
        code: 'custom',
        path: ['postgres', 'connectionString'],
        message: 'required when sink is postgres',
      });
    if (config.spool.segmentBytes * 4 > config.spool.maxBytes)
      ctx.addIssue({
        code: 'custom',
        path: ['spool', 'segmentBytes'],
        message: 'at most a quarter of spool.maxBytes',
      });
    if (!config.key.value && !config.key.file && !config.key.generateDevKey)
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'set key.value or key.file (generateDevKey is off)',
      });
  });

export type AuditConfig = z.infer<typeof auditConfigSchema>;
export type AuditConfigInput = z.input<typeof auditConfigSchema>;

/** What the gateway holds: a started trail, and how to stop it (stops retention, delivers what it can). */
export interface OpenedAuditTrail {
  trail: AuditTrailApi;
  close(): Promise<void>;
}

/**
 * Builds and starts the trail a config describes (key, sink, spool, retention schedule), in a worker thread when
 * `thread` says so (default: for PostgreSQL).
 */
export async function openAuditTrail(
  config: AuditConfig,
  options: { log?: Logger } = {},
): Promise<OpenedAuditTrail> {
  const log = options.log ?? pino({ level: 'silent' });
  if (!config.enabled) {
    log.warn('audit disabled by configuration: no records are written and personal-data reads are not gated');
    const trail = createDisabledAuditTrail();
    return { trail, close: () => trail.close() };
  }
  if (!(config.thread ?? config.sink === 'postgres')) return openInProcessAuditTrail(config, log);
  const trail = createThreadedAuditTrail(config, { log });
  await trail.start();
  return { trail, close: () => trail.close(config.writer.closeTimeoutMs) };
}
