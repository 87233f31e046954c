import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AuditConfig } from './auditConfig.js';
import { createAuditTrail, type AuditTrail } from './auditTrail.js';
import { createFileSink } from './fileSink.js';
import { createKeyedHasher, decodeKey, loadOrCreateKeyFile } from './keyedHasher.js';
import { createPostgresSink } from './postgresSink.js';
import { scheduleRetention } from './retention.js';
import { createSpool } from './spool.js';

/** The HMAC key a config names (value, file, or the generated development key file). */
export async function loadAuditKey(config: AuditConfig, log: Logger): Promise<Uint8Array> {
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

/** The trail on the current thread (in the worker, or when `thread` is false). */
export async function openInProcessAuditTrail(
  config: AuditConfig,
  log: Logger,
): Promise<{ trail: AuditTrail; close(): Promise<void> }> {
  const hasher = createKeyedHasher(await loadAuditKey(config, log));
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
