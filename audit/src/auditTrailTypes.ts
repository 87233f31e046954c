import type { Logger } from 'pino';
import type { AuditEventInput } from './auditRecord.js';
import type { AuditSink } from './auditSink.js';
import type { KeyedHasher } from './keyedHasher.js';
import type { Spool } from './spool.js';

export interface AuditTrailOptions {
  sink: AuditSink;
  /** Local write-ahead spool in front of the sink (required for PostgreSQL, optional otherwise). Default none. */
  spool?: Spool | null;
  /** Hashes personal-data values and keys. */
  hasher: KeyedHasher;
  /** `closed`: personal-data reads are refused while records cannot be made durable. Default `closed`. */
  failMode?: 'closed' | 'open';
  /** Records per write (group commit). Default 512. */
  batchMaxRecords?: number;
  /** Records waiting in memory beyond which personal-data reads are refused and open-data records dropped. Default 100000. */
  maxQueuedRecords?: number;
  /** Retry delay after a failed write, doubled up to `maxRetryDelayMs`. Default 100 ms. */
  retryDelayMs?: number;
  /** Default 5000 ms. */
  maxRetryDelayMs?: number;
  /** Default: silent. */
  log?: Logger;
}

export type AuditTrailState = 'starting' | 'ok' | 'degraded' | 'unavailable' | 'closed';

export interface AuditHealth {
  /** ok: records reach the sink; degraded: they wait safely in the spool; unavailable: they cannot be made durable. */
  state: AuditTrailState;
  /** Whether an operation that reads personal data may run now (fail-closed rule). */
  personalDataAllowed: boolean;
  /** Why the state is not ok (no personal data, no connection strings). */
  reason: string | null;
}

export interface AuditStats {
  appended: number;
  /** Made durable at the first stage (spool, or the sink when there is no spool). */
  written: number;
  /** Stored in the sink through the spool (records of earlier runs included). */
  delivered: number;
  /** Open-data records dropped because the queue was full while the audit could not be written. */
  dropped: number;
  queued: number;
  spoolBytes: number;
}

/** What the gateway calls, on the in-process trail and on the worker-thread trail alike. */
export interface AuditTrailApi {
  start(): Promise<void>;
  /** Enqueues one record; returns its id at once. */
  append(input: AuditEventInput): string;
  health(): AuditHealth;
  stats(): AuditStats;
  /** Resolves when every record appended before the call is stored in the sink. */
  flush(timeoutMs?: number): Promise<void>;
  close(timeoutMs?: number): Promise<void>;
}

/** Whether a record concerns personal data (such records are never dropped). */
export function touchesPersonalData(input: AuditEventInput): boolean {
  return (
    [...(input.personalCoordinates ?? [])].length > 0 ||
    (input.personalEntityKeys?.length ?? 0) > 0 ||
    (input.personalVariables?.length ?? 0) > 0
  );
}
