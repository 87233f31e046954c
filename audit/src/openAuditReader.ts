import { pino, type Logger } from 'pino';
import type { AuditConfig } from './auditConfig.js';
import { createFileSource, createPostgresSource, type AuditSource } from './auditSource.js';
import { createKeyedHasher, type KeyedHasher } from './keyedHasher.js';
import { loadAuditKey } from './openInProcessAuditTrail.js';

/**
 * Read access for the gateway's audit queries (principals with `audit:read`): the configured sink as a source, and
 * the keyed hasher that turns a citizen identifier into the hash stored in records. Close the source on shutdown.
 */
export async function openAuditReader(
  config: AuditConfig,
  options: { log?: Logger } = {},
): Promise<{ source: AuditSource; hasher: KeyedHasher }> {
  const hasher = createKeyedHasher(await loadAuditKey(config, options.log ?? pino({ level: 'silent' })));
  const source =
    config.sink === 'postgres'
      ? createPostgresSource({
          connectionString: config.postgres.connectionString!,
          schema: config.postgres.schema,
        })
      : createFileSource(config.file.dir);
  return { source, hasher };
}
