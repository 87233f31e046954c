import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecordBody } from './auditRecord.js';
import type { AuditSink, RetentionPlan } from './auditSink.js';
import { chainBatch, emptyChainHead, parseRecordLine, type ChainHead } from './chain.js';
import { recoverTail } from './jsonLines.js';

export interface FileSinkOptions {
  /** Directory of the JSON-lines files. Created when missing. */
  dir: string;
  /** A file is closed and a new one started when the next batch would exceed this size. Default 64 MiB. */
  maxFileBytes?: number;
  /** Also start a new file when the UTC day changes. Default true. */
  rotateDaily?: boolean;
  /** fsync (fdatasync) after every batch, so a batch acknowledged is on disk. Default true. */
  fsync?: boolean;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

const fileName = /^audit-(\d{8})-(\d{12})\.jsonl$/;

/** Audit files of a directory in chain order (by the first seq in their name). */
export async function listAuditFiles(
  dir: string,
): Promise<Array<{ name: string; path: string; firstSeq: number; day: string }>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = fileName.exec(name);
      return match ? [{ name, path: join(dir, name), firstSeq: Number(match[2]), day: match[1]! }] : [];
    })
    .sort((a, b) => a.firstSeq - b.firstSeq);
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Append-only JSON-lines sink, one canonical record per line. Files are named `audit-<UTC day>-<first seq>.jsonl`
 * and the chain continues across them. On open, a torn last line (a crash mid-write) is cut and the chain resumes
 * from the last complete record. A single writer (the trail) calls `write`; this sink is not safe for two
 * processes on one directory.
 */
export function createFileSink(options: FileSinkOptions): AuditSink {
  const maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
  const rotateDaily = options.rotateDaily ?? true;
  const fsync = options.fsync ?? true;
  const now = options.now ?? Date.now;
  let head: ChainHead = emptyChainHead;
  let handle: FileHandle | null = null;
  let currentSize = 0;
  let currentDay = '';

  async function startFile(firstSeq: number): Promise<void> {
    await handle?.close();
    currentDay = utcDay(now());
    const path = join(options.dir, `audit-${currentDay}-${String(firstSeq).padStart(12, '0')}.jsonl`);
    handle = await open(path, 'a');
    currentSize = (await handle.stat()).size;
  }

  async function recoverHead(): Promise<ChainHead> {
    const files = await listAuditFiles(options.dir);
    for (let i = files.length - 1; i >= 0; i -= 1) {
      const { lastLine } = await recoverTail(files[i]!.path);
      if (lastLine === null) continue;
      try {
        const record = parseRecordLine(lastLine);
        return { seq: record.seq, hash: record.hash };
      } catch (error) {
        throw new Error(
          `audit file ${files[i]!.name} ends with a corrupt record (${(error as Error).message}); run lgsp-audit verify`,
          { cause: error },
        );
      }
    }
    return emptyChainHead;
  }

  return {
    kind: 'file',
    async open() {
      await mkdir(options.dir, { recursive: true });
      head = await recoverHead();
      const files = await listAuditFiles(options.dir);
      const last = files.at(-1);
      // Continue the last file unless it belongs to another day; an empty last file is reused.
      if (last && (!rotateDaily || last.day === utcDay(now()))) {
        handle = await open(last.path, 'a');
        currentSize = (await handle.stat()).size;
        currentDay = last.day;
      } else await startFile(head.seq + 1);
      return head;
    },
    async write(batch) {
      if (batch.length === 0) return;
      if (!handle) throw new Error('file sink is not open');
      const chained = chainBatch(batch as AuditRecordBody[], head);
      const data = Buffer.from(`${chained.lines.join('\n')}\n`, 'utf8');
      const dayChanged = rotateDaily && utcDay(now()) !== currentDay;
      if (currentSize > 0 && (currentSize + data.byteLength > maxFileBytes || dayChanged))
        await startFile(head.seq + 1);
      // One write call per batch: a crash leaves whole lines plus at most one torn line, which open() cuts.
      await handle!.write(data);
      if (fsync) await handle!.datasync();
      currentSize += data.byteLength;
      head = chained.head;
    },
    async planRetention(cutoff) {
      const files = await listAuditFiles(options.dir);
      let plan: RetentionPlan | null = null;
      // Whole files only, oldest first, never the file being written.
      for (let i = 0; i < files.length - 1; i += 1) {
        const { lastLine } = await recoverTail(files[i]!.path);
        if (lastLine === null) continue;
        const last = parseRecordLine(lastLine);
        if (!(Date.parse(last.time) < cutoff.getTime())) break;
        plan = {
          prunedThroughSeq: last.seq,
          prunedThroughHash: last.hash,
          records: last.seq - files[0]!.firstSeq + 1,
        };
      }
      return plan;
    },
    async prune(plan) {
      let removed = 0;
      const files = await listAuditFiles(options.dir);
      for (let i = 0; i < files.length - 1; i += 1) {
        const next = files[i + 1]!;
        if (next.firstSeq - 1 > plan.prunedThroughSeq) break;
        removed += next.firstSeq - files[i]!.firstSeq;
        await rm(files[i]!.path);
      }
      return removed;
    },
    async close() {
      await handle?.close();
      handle = null;
    },
  };
}

/** Total bytes of the audit files in a directory (for health and tests). */
export async function auditFilesBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await listAuditFiles(dir)) total += (await stat(file.path)).size;
  return total;
}
