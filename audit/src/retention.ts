import type { Logger } from 'pino';
import type { AuditSink } from './auditSink.js';
import type { AuditTrail } from './auditTrail.js';

export interface RetentionOptions {
  trail: AuditTrail;
  sink: AuditSink;
  /** Records older than this many days are removed. */
  retentionDays: number;
  /** Default: now. */
  now?: Date;
  /** How long to wait for the checkpoint to reach the sink. Default 60000 ms. */
  flushTimeoutMs?: number;
}

export interface RetentionResult {
  removed: number;
  prunedThroughSeq: number | null;
}

/**
 * Removes the expired prefix of the chain without breaking verification: first a checkpoint record naming the last
 * removed record (seq and hash) is appended to the chain and made durable, then the prefix is deleted. The first
 * remaining record's `prevHash` then matches the checkpoint, which is itself covered by the chain. A crash between
 * the two steps leaves a checkpoint for records still present, which verification accepts; the next run removes them.
 */
export async function applyRetention(options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const plan = await options.sink.planRetention(cutoff);
  if (!plan) return { removed: 0, prunedThroughSeq: null };
  options.trail.appendCheckpoint({
    prunedThroughSeq: plan.prunedThroughSeq,
    prunedThroughHash: plan.prunedThroughHash,
    cutoff: cutoff.toISOString(),
  });
  await options.trail.flush(options.flushTimeoutMs ?? 60_000);
  const removed = await options.sink.prune(plan);
  return { removed, prunedThroughSeq: plan.prunedThroughSeq };
}

/** Runs retention now and then every `intervalMs`; returns a stop function. Failures are logged and retried. */
export function scheduleRetention(
  options: RetentionOptions & { intervalMs: number; log: Logger },
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await applyRetention({ ...options, now: new Date() });
      if (result.removed > 0) options.log.info(result, 'audit retention removed expired records');
    } catch (error) {
      options.log.warn({ err: error }, 'audit retention failed; will retry');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
