import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecordBody } from '../src/auditRecord.js';
import { buildRecordBody } from '../src/buildRecordBody.js';
import { createSpool, SpoolFullError, type Spool, type SpoolPosition } from '../src/spool.js';
import { openDataRead, tempDir, testHasher } from './fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(async () => remove());

const bodies = (n: number): AuditRecordBody[] =>
  Array.from({ length: n }, () => buildRecordBody(openDataRead(), testHasher));

async function readAll(spool: Spool, from: SpoolPosition): Promise<{ ids: string[]; next: SpoolPosition }> {
  const ids: string[] = [];
  let position = from;
  for (;;) {
    const { records, next } = await spool.read(position, 7);
    position = next;
    if (records.length === 0) return { ids, next: position };
    ids.push(...records.map((r) => r.id));
  }
}

describe('audit spool', () => {
  it('returns records in append order across segments and deletes delivered segments', async () => {
    const spool = createSpool({ dir, segmentBytes: 2048 });
    await spool.open();
    const written = bodies(30);
    for (let i = 0; i < 30; i += 3) await spool.append(written.slice(i, i + 3));
    expect((await readdir(dir)).length).toBeGreaterThan(3);
    const { ids, next } = await readAll(spool, spool.start());
    expect(ids).toEqual(written.map((b) => b.id));
    await spool.release(next);
    expect(await readdir(dir)).toHaveLength(1);
    expect(spool.isDrained(next)).toBe(true);
    await spool.close();
  });

  it('after a crash, cuts a torn line and redelivers everything not yet released', async () => {
    const first = createSpool({ dir });
    await first.open();
    const written = bodies(5);
    await first.append(written);
    await first.close();
    await appendFile(join(dir, 'spool-000000000001.jsonl'), '{"v":1,"id":"tor');
    const reopened = createSpool({ dir });
    await reopened.open();
    expect((await readAll(reopened, reopened.start())).ids).toEqual(written.map((b) => b.id));
    const more = bodies(2);
    await reopened.append(more);
    expect((await readAll(reopened, reopened.start())).ids).toEqual([...written, ...more].map((b) => b.id));
    await reopened.close();
  });

  it('refuses appends at its size limit and accepts them again once delivery frees space', async () => {
    const spool = createSpool({ dir, maxBytes: 4096, segmentBytes: 4096 });
    await spool.open();
    let full: unknown = null;
    for (let i = 0; i < 100 && !full; i += 1)
      await spool.append(bodies(1)).catch((error: unknown) => (full = error));
    expect(full).toBeInstanceOf(SpoolFullError);
    expect((full as SpoolFullError).code).toBe('AUDIT_SPOOL_FULL');
    const { next } = await readAll(spool, spool.start());
    await spool.release(next);
    await expect(spool.append(bodies(1))).resolves.toMatchObject({ segment: 2 });
    expect(spool.bytes()).toBeLessThan(4096);
    await spool.close();
  });
});
