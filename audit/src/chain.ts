import { AUDIT_RECORD_VERSION, GENESIS_HASH, type AuditRecord, type AuditRecordBody } from './auditRecord.js';
import { canonicalJson, sha256Hex } from './canonicalJson.js';

/** The last record of a chain: what the next record links to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const emptyChainHead: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** The hash a record must carry: SHA-256 of its canonical JSON without the `hash` member. */
export function recordHash(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _hash, ...rest } = record as AuditRecord;
  return sha256Hex(canonicalJson(rest));
}

/**
 * Links `body` after `head`; returns the record and its stored line (without the newline). The line is the
 * canonical JSON that was hashed with `"hash"` appended last: readers re-canonicalize before checking, so the line
 * needs no second canonicalization.
 */
export function chainRecord(body: AuditRecordBody, head: ChainHead): { record: AuditRecord; line: string } {
  const unhashed = { ...body, seq: head.seq + 1, prevHash: head.hash };
  const canonical = canonicalJson(unhashed);
  const hash = sha256Hex(canonical);
  const record = { ...unhashed, hash } as AuditRecord;
  return { record, line: `${canonical.slice(0, -1)},"hash":"${hash}"}` };
}

/** Links a batch; returns the lines and the new head. */
export function chainBatch(
  bodies: readonly AuditRecordBody[],
  head: ChainHead,
): { records: AuditRecord[]; lines: string[]; head: ChainHead } {
  const records: AuditRecord[] = [];
  const lines: string[] = [];
  let current = head;
  for (const body of bodies) {
    const { record, line } = chainRecord(body, current);
    records.push(record);
    lines.push(line);
    current = { seq: record.seq, hash: record.hash };
  }
  return { records, lines, head: current };
}

/** Parses one stored line; throws with a short reason when it is not a record this version can read. */
export function parseRecordLine(line: string): AuditRecord {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('not a JSON object');
  const record = value as Partial<AuditRecord>;
  if (record.v !== AUDIT_RECORD_VERSION) throw new Error(`unknown record version ${String(record.v)}`);
  if (
    !Number.isSafeInteger(record.seq) ||
    typeof record.hash !== 'string' ||
    typeof record.prevHash !== 'string'
  )
    throw new Error('missing seq, hash or prevHash');
  return record as AuditRecord;
}
