import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { createFileSource } from '../src/auditSource.js';
import { verifySource } from '../src/auditTools.js';
import { createAuditTrail } from '../src/auditTrail.js';
import { createFileSink, listAuditFiles } from '../src/fileSink.js';
import { applyRetention } from '../src/retention.js';
import { citizenLookup, tempDir, testHasher } from './fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(async () => remove());

const day = 86_400_000;
const now = new Date('2026-11-25T00:00:00Z');

async function trailWithHistory() {
  const sink = createFileSink({ dir, maxFileBytes: 4096, rotateDaily: false });
  const trail = createAuditTrail({ sink, hasher: testHasher, batchMaxRecords: 2 });
  await trail.start();
  // 20 records a year old, then 10 from yesterday.
  for (let i = 0; i < 30; i += 1) {
    const time = new Date(now.getTime() - (i < 20 ? 365 : 1) * day + i);
    trail.append(citizenLookup(`01709000${String(i).padStart(4, '0')}`, { time }));
    await trail.flush();
  }
  return { sink, trail };
}

describe('retention', () => {
  it('removes expired files behind a checkpoint, and the remaining chain still verifies', async () => {
    const { sink, trail } = await trailWithHistory();
    const filesBefore = await listAuditFiles(dir);
    const result = await applyRetention({ trail, sink, retentionDays: 30, now });
    await trail.close();
    expect(result.removed).toBeGreaterThan(0);
    expect(result.prunedThroughSeq).toBeLessThanOrEqual(20);
    const filesAfter = await listAuditFiles(dir);
    expect(filesAfter.length).toBeLessThan(filesBefore.length);
    expect(filesAfter[0]!.firstSeq).toBe(result.prunedThroughSeq! + 1);
    const verified = await verifySource(createFileSource(dir));
    expect(verified).toMatchObject({
      ok: true,
      prunedThroughSeq: result.prunedThroughSeq,
      head: { seq: 31 },
    });
  });

  it('detects records removed from the start without a checkpoint', async () => {
    const { sink, trail } = await trailWithHistory();
    const { prunedThroughSeq } = await applyRetention({ trail, sink, retentionDays: 30, now });
    await trail.close();
    const [oldest] = await listAuditFiles(dir);
    await rm(oldest!.path);
    const verified = await verifySource(createFileSource(dir));
    expect(verified.ok).toBe(false);
    // The checkpoint vouches for 1..prunedThroughSeq; the gap after it is reported where it starts.
    expect(verified.break).toMatchObject({
      seq: prunedThroughSeq! + 1,
      reason: expect.stringContaining('no checkpoint'),
    });
  });

  it('keeps everything when nothing is older than the retention period', async () => {
    const { sink, trail } = await trailWithHistory();
    expect(await applyRetention({ trail, sink, retentionDays: 400, now })).toEqual({
      removed: 0,
      prunedThroughSeq: null,
    });
    await trail.close();
    expect(await verifySource(createFileSource(dir))).toMatchObject({ ok: true, records: 30 });
  });
});
