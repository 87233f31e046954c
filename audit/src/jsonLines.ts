import { createReadStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { createInterface } from 'node:readline';

const tailChunkBytes = 64 * 1024;

/**
 * Makes a JSON-lines file end on a complete line: a process killed in the middle of a write can leave a torn last
 * line, which is cut off (it was never acknowledged). Returns the last complete line, or null for an empty file,
 * and how many bytes were cut.
 */
export async function recoverTail(
  path: string,
): Promise<{ lastLine: string | null; truncatedBytes: number; size: number }> {
  const { size } = await stat(path);
  if (size === 0) return { lastLine: null, truncatedBytes: 0, size };
  const handle = await open(path, 'r');
  try {
    let end = size;
    let buffered = Buffer.alloc(0);
    let cut: number | null = null;
    // Read backwards until two newlines (or the start) enclose the last complete line.
    for (let position = size; position > 0;) {
      const length = Math.min(tailChunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      buffered = Buffer.concat([chunk, buffered]);
      const base = position;
      if (cut === null) {
        const lastNewline = buffered.lastIndexOf(0x0a);
        if (lastNewline === -1) continue;
        cut = base + lastNewline + 1;
        end = cut;
      }
      const relativeEnd = end - base - 1;
      const previousNewline = relativeEnd > 0 ? buffered.lastIndexOf(0x0a, relativeEnd - 1) : -1;
      if (previousNewline !== -1 || position === 0) {
        const line = buffered.subarray(previousNewline + 1, relativeEnd).toString('utf8');
        if (cut < size) await truncate(path, cut);
        return { lastLine: line, truncatedBytes: size - cut, size: cut };
      }
    }
    // No newline at all: the whole file is one torn line.
    await truncate(path, 0);
    return { lastLine: null, truncatedBytes: size, size: 0 };
  } finally {
    await handle.close();
  }
}

/** The lines of a file, numbered from 1, without their newline; a torn last line is reported with `torn: true`. */
export async function* readLines(
  path: string,
): AsyncGenerator<{ line: string; lineNo: number; torn: boolean }> {
  const { size } = await stat(path);
  const endsWithNewline = size === 0 || (await lastByte(path, size)) === 0x0a;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNo = 0;
  let pending: string | null = null;
  for await (const line of lines) {
    if (pending !== null) yield { line: pending, lineNo, torn: false };
    lineNo += 1;
    pending = line;
  }
  if (pending !== null) yield { line: pending, lineNo, torn: !endsWithNewline };
}

async function lastByte(path: string, size: number): Promise<number | undefined> {
  const handle = await open(path, 'r');
  try {
    const one = Buffer.alloc(1);
    await handle.read(one, 0, 1, size - 1);
    return one[0];
  } finally {
    await handle.close();
  }
}
