import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecordBody } from './auditRecord.js';
import { recoverTail } from './jsonLines.js';

export interface SpoolOptions {
  /** Directory of the spool segments (local disk). Created when missing. */
  dir: string;
  /** Spool size limit; beyond it `append` fails and the trail reports personal-data reads unsafe. Default 1 GiB. */
  maxBytes?: number;
  /** Segment size: delivered segments are deleted whole. Default 8 MiB. */
  segmentBytes?: number;
  /** fdatasync after every append, so a record acknowledged survives a crash. Default true. */
  fsync?: boolean;
}

/** A place in the spool: a segment number and a byte offset inside it. */
export interface SpoolPosition {
  segment: number;
  offset: number;
}

/** Thrown by `append` when the spool is at its size limit: stable code, matched by code. */
export class SpoolFullError extends Error {
  readonly code = 'AUDIT_SPOOL_FULL';
  constructor(
    readonly maxBytes: number,
    /** Size of the refused batch: a batch over half the spool may never fit and should be split. */
    readonly batchBytes: number,
  ) {
    super(`audit spool full (${maxBytes} bytes)`);
  }
}

async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const reader = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(length);
    const { bytesRead } = await reader.read(chunk, 0, length, offset);
    return chunk.subarray(0, bytesRead);
  } finally {
    await reader.close();
  }
}

const segmentName = /^spool-(\d{12})\.jsonl$/;
const readChunkBytes = 1024 * 1024;

/**
 * The local write-ahead spool in front of a remote sink (PostgreSQL): records (not yet chained) are made durable
 * here first, on the writer's path, and a deliverer moves them to the sink in order. After a crash everything still
 * in the spool is delivered again; the sink skips ids it already has, so delivery is exactly-once.
 */
export function createSpool(options: SpoolOptions) {
  const maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
  const segmentBytes = options.segmentBytes ?? 8 * 1024 * 1024;
  const fsync = options.fsync ?? true;
  /** Segment number → its durable size. Only the last segment grows. */
  const sizes = new Map<number, number>();
  let handle: FileHandle | null = null;
  let active = 0;
  let totalBytes = 0;
  let released: SpoolPosition = { segment: 0, offset: 0 };
  /**
   * The last batches appended, by start position: when delivery keeps up, it takes them from here instead of
   * reading and parsing them back from disk. Bounded; a miss just reads the file.
   */
  const recent = new Map<string, { records: AuditRecordBody[]; next: SpoolPosition }>();
  const recentMax = 64;

  const pathOf = (segment: number) => join(options.dir, `spool-${String(segment).padStart(12, '0')}.jsonl`);

  async function startSegment(segment: number): Promise<void> {
    await handle?.close();
    handle = await open(pathOf(segment), 'a');
    active = segment;
    sizes.set(segment, (await handle.stat()).size);
  }

  return {
    async open(): Promise<void> {
      await mkdir(options.dir, { recursive: true });
      const segments = (await readdir(options.dir)).flatMap((name) => {
        const match = segmentName.exec(name);
        return match ? [Number(match[1])] : [];
      });
      segments.sort((a, b) => a - b);
      for (const segment of segments) {
        // A crash can tear the last line of any segment that was being written: cut it (it was never acknowledged).
        const { size } = await recoverTail(pathOf(segment));
        sizes.set(segment, size);
        totalBytes += size;
      }
      await startSegment(segments.at(-1) ?? 1);
    },

    /** Durably appends a batch; throws SpoolFullError at the limit, or the I/O error. */
    async append(batch: readonly AuditRecordBody[]): Promise<SpoolPosition> {
      if (!handle) throw new Error('spool is not open');
      const data = Buffer.from(`${batch.map((body) => JSON.stringify(body)).join('\n')}\n`, 'utf8');
      const activeSize = sizes.get(active) ?? 0;
      const tooFull = totalBytes + data.byteLength > maxBytes;
      // Rotate when the segment is full, or when it is wholly delivered and deleting it makes room. Never on a
      // mere failed attempt: that would leave a trail of tiny segments and tiny delivery batches.
      const segmentFull = activeSize > 0 && activeSize + data.byteLength > segmentBytes;
      const deliveredWhole = activeSize > 0 && released.segment === active && released.offset >= activeSize;
      if (segmentFull || (tooFull && deliveredWhole)) {
        const previous = active;
        await startSegment(active + 1);
        if (deliveredWhole) {
          await rm(pathOf(previous), { force: true });
          sizes.delete(previous);
          totalBytes -= activeSize;
        }
      }
      if (totalBytes + data.byteLength > maxBytes) throw new SpoolFullError(maxBytes, data.byteLength);
      await handle.write(data);
      if (fsync) await handle.datasync();
      const startOffset = sizes.get(active) ?? 0;
      const next = { segment: active, offset: startOffset + data.byteLength };
      sizes.set(active, next.offset);
      totalBytes += data.byteLength;
      recent.set(`${active}:${startOffset}`, { records: [...batch], next });
      if (recent.size > recentMax) recent.delete(recent.keys().next().value!);
      return next;
    },

    /** Where delivery starts after open: the start of the oldest segment. */
    start(): SpoolPosition {
      const first = Math.min(...sizes.keys());
      return { segment: first, offset: 0 };
    },

    /** The end of what is durable now. */
    end(): SpoolPosition {
      return { segment: active, offset: sizes.get(active) ?? 0 };
    },

    /** Reads whole records from `from`, at most about `maxRecords`; returns them and the position after them. */
    async read(
      from: SpoolPosition,
      maxRecords: number,
    ): Promise<{ records: AuditRecordBody[]; next: SpoolPosition }> {
      let position = from;
      // Skip finished segments that were emptied or are fully read.
      while (position.segment < active && position.offset >= (sizes.get(position.segment) ?? 0))
        position = { segment: position.segment + 1, offset: 0 };
      const durableEnd = sizes.get(position.segment) ?? 0;
      if (position.offset >= durableEnd) return { records: [], next: position };
      const cached = recent.get(`${position.segment}:${position.offset}`);
      if (cached && cached.records.length <= maxRecords) {
        recent.delete(`${position.segment}:${position.offset}`);
        return cached;
      }
      const records: AuditRecordBody[] = [];
      let start = 0;
      // A line longer than the chunk (huge variables) makes the chunk grow until it holds one whole line.
      for (let want = readChunkBytes; records.length === 0; want *= 2) {
        const chunk = await readRange(
          pathOf(position.segment),
          position.offset,
          Math.min(want, durableEnd - position.offset),
        );
        start = 0;
        while (records.length < maxRecords) {
          const newline = chunk.indexOf(0x0a, start);
          if (newline === -1) break;
          records.push(JSON.parse(chunk.toString('utf8', start, newline)) as AuditRecordBody);
          start = newline + 1;
        }
        if (records.length === 0 && want >= durableEnd - position.offset)
          throw new Error(`spool segment ${position.segment} ends without a newline`);
      }
      return { records, next: { segment: position.segment, offset: position.offset + start } };
    },

    /** Everything before `position` is delivered: deletes the segments wholly before it. */
    async release(position: SpoolPosition): Promise<void> {
      released = position;
      for (const [segment, size] of [...sizes]) {
        const done =
          segment < position.segment ||
          (segment === position.segment && segment !== active && position.offset >= size);
        if (!done || segment === active) continue;
        await rm(pathOf(segment), { force: true });
        sizes.delete(segment);
        totalBytes -= size;
      }
    },

    /** Bytes still in the spool (delivered bytes of the active segment included until it rotates). */
    bytes(): number {
      return totalBytes;
    },

    /** True when nothing is waiting after `position`. */
    isDrained(position: SpoolPosition): boolean {
      return position.segment >= active && position.offset >= (sizes.get(active) ?? 0);
    },

    /**
     * After a clean shutdown with everything delivered: removes the segments, so the next start does not deliver
     * them again (which would be harmless, ids are checked, but wasteful).
     */
    async discardDelivered(position: SpoolPosition): Promise<boolean> {
      if (!(position.segment >= active && position.offset >= (sizes.get(active) ?? 0))) return false;
      await handle?.close();
      handle = null;
      for (const segment of [...sizes.keys()]) await rm(pathOf(segment), { force: true });
      sizes.clear();
      recent.clear();
      totalBytes = 0;
      return true;
    },

    async close(): Promise<void> {
      await handle?.close();
      handle = null;
    },
  };
}

export type Spool = ReturnType<typeof createSpool>;

/** Bytes of spool segments in a directory (tests, health). */
export async function spoolBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir))
    if (segmentName.test(name)) total += (await stat(join(dir, name))).size;
  return total;
}
