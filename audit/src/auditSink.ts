import type { AuditRecordBody } from './auditRecord.js';
import type { ChainHead } from './chain.js';

/** The prefix of a chain that retention may remove, and what the checkpoint must say about it. */
export interface RetentionPlan {
  prunedThroughSeq: number;
  prunedThroughHash: string;
  /** Records that will be removed. */
  records: number;
}

/**
 * Where records end up. A sink owns its chain: it assigns `seq`/`prevHash`/`hash` as it stores, so the chain is
 * the order of storage, one chain per sink. `write` resolves only when the batch is durable.
 */
export interface AuditSink {
  readonly kind: 'file' | 'postgres';
  /** Prepares storage (recovery, migrations) and returns the chain head. */
  open(): Promise<ChainHead>;
  /**
   * Chains and stores a batch, in order. Sinks placed behind a spool must be idempotent by record id (a batch may
   * be delivered again after a crash); records already stored are skipped, not chained twice.
   */
  write(batch: readonly AuditRecordBody[]): Promise<void>;
  /** The oldest prefix of records older than `cutoff` that may be removed as a whole; null when nothing is due. */
  planRetention(cutoff: Date): Promise<RetentionPlan | null>;
  /** Removes records `seq <= plan.prunedThroughSeq`; called only after the checkpoint vouching for them is stored. */
  prune(plan: RetentionPlan): Promise<number>;
  close(): Promise<void>;
}
