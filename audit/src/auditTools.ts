import { GENESIS_HASH, type AuditRecord } from './auditRecord.js';
import type { AuditSource } from './auditSource.js';
import type { ChainHead } from './chain.js';
import { createChainVerifier, type ChainBreak, type VerifyResult } from './chainVerifier.js';

/** Verifies a whole stored chain; with `expectHead`, also that a record the auditor noted earlier is still there. */
export async function verifySource(
  source: AuditSource,
  options: { expectHead?: ChainHead } = {},
): Promise<VerifyResult> {
  const verifier = createChainVerifier();
  let sawExpected = false;
  let tornTail: string | null = null;
  for await (const { record, location } of source.records()) {
    // An incomplete last line is what a crash leaves; it was never acknowledged, so it is reported, not a break.
    if ('tornTail' in record && record.tornTail) {
      tornTail = location;
      continue;
    }
    if (!verifier.push(record, location)) break;
    if (options.expectHead && !('unreadable' in record) && record.seq === options.expectHead.seq) {
      if (record.hash !== options.expectHead.hash) {
        const result = verifier.finish();
        return {
          ...result,
          tornTail,
          ok: false,
          break: { seq: record.seq, location, reason: 'record differs from the expected head noted earlier' },
        };
      }
      sawExpected = true;
    }
  }
  const result = { ...verifier.finish(), tornTail };
  if (result.ok && options.expectHead && !sawExpected) {
    const missing: ChainBreak = {
      seq: options.expectHead.seq,
      location: 'end of chain',
      reason: 'expected head is missing (records removed from the end)',
    };
    return { ...result, ok: false, break: missing };
  }
  return result;
}

export const exportFormat = 'lgsp-audit-export/1';

/** A contiguous, self-verifying slice of the chain. */
export interface AuditExport {
  format: typeof exportFormat;
  exportedAt: string;
  source: string;
  range: { from: string; to: string };
  proof: {
    /** Seq range exported (contiguous; records of slightly-out-of-range time inside it are kept). */
    firstSeq: number | null;
    lastSeq: number | null;
    /** `prevHash` of the first exported record: the link to everything before. */
    anchorPrevHash: string | null;
    /** `hash` of the last exported record. */
    lastHash: string | null;
    /** The chain head when exported, and whether the whole chain verified then. */
    chainHead: ChainHead | null;
    chainVerified: boolean;
    chainBreak: ChainBreak | null;
  };
  records: AuditRecord[];
}

/**
 * Exports the records of a time range as one contiguous seq slice, after verifying the whole chain. The recipient
 * checks the slice with `verifyExport` and compares `lastHash`/`chainHead` with an anchor held elsewhere.
 */
export async function exportRange(
  source: AuditSource,
  range: { from: Date; to: Date },
): Promise<AuditExport> {
  const verifier = createChainVerifier();
  const slice: AuditRecord[] = [];
  let lastInRange = -1;
  for await (const { record, location } of source.records()) {
    verifier.push(record, location);
    if ('unreadable' in record) continue;
    const time = Date.parse(record.time);
    const inRange = time >= range.from.getTime() && time < range.to.getTime();
    if (inRange || slice.length > 0) slice.push(record);
    if (inRange) lastInRange = slice.length - 1;
  }
  const records = slice.slice(0, lastInRange + 1);
  const result = verifier.finish();
  return {
    format: exportFormat,
    exportedAt: new Date().toISOString(),
    source: source.description,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    proof: {
      firstSeq: records[0]?.seq ?? null,
      lastSeq: records.at(-1)?.seq ?? null,
      anchorPrevHash: records[0]?.prevHash ?? null,
      lastHash: records.at(-1)?.hash ?? null,
      chainHead: result.head,
      chainVerified: result.ok,
      chainBreak: result.break,
    },
    records,
  };
}

/** Checks an export on its own: every record matches its hash and links to the previous, from the anchor. */
export function verifyExport(doc: AuditExport): VerifyResult {
  if (doc.format !== exportFormat) throw new Error(`not an ${exportFormat} document`);
  const first = doc.records[0];
  const anchor = first ? { seq: first.seq - 1, hash: doc.proof.anchorPrevHash ?? GENESIS_HASH } : undefined;
  const verifier = createChainVerifier(anchor ? { anchor } : {});
  doc.records.forEach((record, index) => verifier.push(record, `records[${index}]`));
  const result = verifier.finish();
  if (result.ok && doc.proof.lastHash !== (doc.records.at(-1)?.hash ?? null))
    return {
      ...result,
      ok: false,
      break: {
        seq: doc.proof.lastSeq ?? 0,
        location: 'proof',
        reason: 'proof.lastHash does not match the last record',
      },
    };
  return result;
}
