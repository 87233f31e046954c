import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { createAuditTrail, type AuditTrail } from './auditTrail.js';
import { createFileSink } from './fileSink.js';
import { createKeyedHasher, decodeKey, loadOrCreateKeyFile } from './keyedHasher.js';
import { createPostgresSink } from './postgresSink.js';
import { schemaNamePattern } from './postgresSchema.js';
import { scheduleRetention } from './retention.js';
import { createSpool } from './spool.js';
import { readFile } from 'node:fs/promises';

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
    if (!config.key.value && !config.key.file && !config.key.generateDevKey)
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: 'set key.value or key.file (generateDevKey is off)',
      });
  });

export type AuditConfig = z.infer<typeof auditConfigSchema>;
export type AuditConfigInput = z.input<typeof auditConfigSchema>;

async function loadKey(config: AuditConfig, log: Logger): Promise<Uint8Array> {
  if (config.key.value) return decodeKey(config.key.value);
  if (config.key.file) return decodeKey(await readFile(config.key.file, 'utf8'));
  const path = join(config.file.dir, 'hmac.key');
  const { key, created } = await loadOrCreateKeyFile(path);
  log.warn(
    { path, created },
    'audit: no key configured; using a development key file (configure audit.key in production)',
  );
  return key;
}

/** A started trail plus what the gateway needs to stop it. */
export interface OpenedAuditTrail {
  trail: AuditTrail;
  /** Stops retention, delivers what it can, closes the sink. */
  close(): Promise<void>;
}

/** Builds and starts the trail a config describes (key, sink, spool, retention schedule). */
export async function openAuditTrail(
  config: AuditConfig,
  options: { log?: Logger } = {},
): Promise<OpenedAuditTrail> {
  const log = options.log ?? pino({ level: 'silent' });
  const hasher = createKeyedHasher(await loadKey(config, log));
  const postgres = config.sink === 'postgres';
  const sink = postgres
    ? createPostgresSink({
        connectionString: config.postgres.connectionString!,
        schema: config.postgres.schema,
        queryTimeoutMs: config.postgres.queryTimeoutMs,
        connectTimeoutMs: config.postgres.connectTimeoutMs,
        onError: (error) => log.warn({ err: error }, 'audit database connection lost'),
      })
    : createFileSink(config.file);
  const spool = postgres ? createSpool(config.spool) : null;
  const trail = createAuditTrail({ sink, spool, hasher, failMode: config.failMode, ...config.writer, log });
  await trail.start();
  const stopRetention =
    config.retention.days > 0
      ? scheduleRetention({
          trail,
          sink,
          retentionDays: config.retention.days,
          intervalMs: config.retention.intervalMs,
          log,
        })
      : () => undefined;
  return {
    trail,
    async close() {
      stopRetention();
      await trail.close(config.writer.closeTimeoutMs);
    },
  };
}
