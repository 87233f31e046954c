import { GENESIS_HASH, type AuditRecord } from './auditRecord.js';
import { recordHash, type ChainHead } from './chain.js';

/** The first place where the chain does not hold. */
export interface ChainBreak {
  /** Sequence number of the record found missing, altered or out of place. */
  seq: number;
  /** Where it was read: `file:line` or `table row seq N`. */
  location: string;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Records read (including checkpoints). */
  records: number;
  firstSeq: number | null;
  head: ChainHead | null;
  /** Set when the head of the chain was removed by retention and a checkpoint vouches for it. */
  prunedThroughSeq: number | null;
  break: ChainBreak | null;
  /** Where an incomplete last line (a crash mid-write) was skipped, if any: not a break. */
  tornTail?: string | null;
}

/**
 * Walks a chain record by record and stops at the first broken link. What each fault looks like:
 * an edited record no longer matches its hash (break at its seq); a deleted record leaves a gap (break at the
 * missing seq); reordered records arrive with an unexpected seq (break at the seq expected there); a record replaced
 * together with a recomputed hash breaks the next record's `prevHash` (break at the replaced seq). Records missing
 * at the start are accepted only when a checkpoint record (retention) names exactly that prefix and its last hash.
 */
export function createChainVerifier(options: { anchor?: ChainHead } = {}) {
  let count = 0;
  let firstSeq: number | null = null;
  let head: ChainHead | null = null;
  let pendingPrefix: ChainHead | null = null;
  let prunedThroughSeq: number | null = null;
  let failure: ChainBreak | null = null;
  /** Highest prefix a checkpoint vouches for, when none vouches for the whole gap: the gap starts after it. */
  let vouchedThrough = 0;

  function fail(seq: number, location: string, reason: string): false {
    failure = { seq, location, reason };
    return false;
  }

  return {
    get broken(): boolean {
      return failure !== null;
    },
    /** Feeds the next stored record (or a line that failed to parse); returns false once the chain is broken. */
    push(record: AuditRecord | { unreadable: string }, location: string): boolean {
      if (failure) return false;
      const expected = head ? head.seq + 1 : (firstSeq ?? 1);
      if ('unreadable' in record) return fail(expected, location, `unreadable record: ${record.unreadable}`);
      count += 1;
      if (recordHash(record) !== record.hash)
        return fail(record.seq, location, 'record content does not match its hash (edited)');
      if (head === null) {
        firstSeq = record.seq;
        if (options.anchor) {
          if (record.seq !== options.anchor.seq + 1 || record.prevHash !== options.anchor.hash)
            return fail(options.anchor.seq + 1, location, 'first record does not continue from the anchor');
        } else if (record.seq === 1) {
          if (record.prevHash !== GENESIS_HASH)
            return fail(1, location, 'first record does not start from the genesis hash');
        } else pendingPrefix = { seq: record.seq - 1, hash: record.prevHash };
      } else if (record.seq !== head.seq + 1) {
        return record.seq > head.seq + 1
          ? fail(
              head.seq + 1,
              location,
              `record seq ${head.seq + 1} missing or out of order (found seq ${record.seq} after ${head.seq})`,
            )
          : fail(
              head.seq + 1,
              location,
              `record seq ${head.seq + 1} expected, found seq ${record.seq} (reordered or duplicated)`,
            );
      } else if (record.prevHash !== head.hash) {
        return fail(
          head.seq,
          location,
          `record seq ${head.seq} was replaced: seq ${record.seq} does not link to it`,
        );
      }
      if (record.kind === 'checkpoint' && pendingPrefix && record.prunedThroughSeq < pendingPrefix.seq)
        vouchedThrough = Math.max(vouchedThrough, record.prunedThroughSeq);
      if (record.kind === 'checkpoint' && pendingPrefix && record.prunedThroughSeq === pendingPrefix.seq) {
        if (record.prunedThroughHash !== pendingPrefix.hash)
          return fail(
            pendingPrefix.seq + 1,
            location,
            'checkpoint hash does not match the first remaining record',
          );
        prunedThroughSeq = pendingPrefix.seq;
        pendingPrefix = null;
      }
      head = { seq: record.seq, hash: record.hash };
      return true;
    },
    finish(): VerifyResult {
      if (!failure && pendingPrefix)
        fail(
          vouchedThrough + 1,
          'start of chain',
          `records ${vouchedThrough + 1}..${pendingPrefix.seq} missing and no checkpoint records their removal`,
        );
      return { ok: failure === null, records: count, firstSeq, head, prunedThroughSeq, break: failure };
    },
  };
}

export type ChainVerifier = ReturnType<typeof createChainVerifier>;
