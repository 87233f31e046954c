import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import type { AuditRecord } from '../src/auditRecord.js';
import { createFileSource } from '../src/auditSource.js';
import { verifySource } from '../src/auditTools.js';
import { createAuditTrail } from '../src/auditTrail.js';
import { canonicalJson } from '../src/canonicalJson.js';
import { recordHash } from '../src/chain.js';
import { createFileSink, listAuditFiles } from '../src/fileSink.js';
import { citizenLookup, openDataRead, tempDir, testHasher } from './fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(async () => remove());

async function writeRecords(count: number, sinkOptions: { maxFileBytes?: number } = {}): Promise<void> {
  // Small batches, so that size rotation (which happens between batches) has chances to occur.
  const trail = createAuditTrail({
    sink: createFileSink({ dir, ...sinkOptions }),
    hasher: testHasher,
    batchMaxRecords: 3,
  });
  await trail.start();
  for (let i = 1; i <= count; i += 1)
    trail.append(i % 3 === 0 ? openDataRead() : citizenLookup(`0170900${String(i).padStart(5, '0')}`));
  await trail.close();
}

async function onlyFile(): Promise<string> {
  const files = await listAuditFiles(dir);
  expect(files).toHaveLength(1);
  return files[0]!.path;
}

async function editLines(edit: (lines: string[]) => string[]): Promise<void> {
  const path = await onlyFile();
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  await writeFile(path, `${edit(lines).join('\n')}\n`);
}

const verify = () => verifySource(createFileSource(dir));

describe('file sink hash chain', () => {
  it('writes one canonical record per line with seq 1..n that verifies', async () => {
    await writeRecords(20);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, records: 20, firstSeq: 1, head: { seq: 20 } });
    const lines = (await readFile(await onlyFile(), 'utf8')).trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as AuditRecord);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each line is the canonical JSON that was hashed, with "hash" appended last.
    expect(
      lines.every(
        (l, i) =>
          l ===
          `${canonicalJson({ ...records[i], hash: undefined }).slice(0, -1)},"hash":"${records[i]!.hash}"}`,
      ),
    ).toBe(true);
  });

  it('detects an edited record at its seq', async () => {
    await writeRecords(20);
    await editLines((lines) =>
      lines.map((l, i) =>
        i === 6 ? l.replace('"purpose":"LAW_ENFORCEMENT"', '"purpose":"PUBLIC_HEALTH"') : l,
      ),
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.break).toMatchObject({ seq: 7, reason: expect.stringContaining('edited') });
    expect(result.head?.seq).toBe(6);
  });

  it('detects an edited record whose hash was recomputed, at its seq', async () => {
    await writeRecords(20);
    await editLines((lines) =>
      lines.map((l, i) => {
        if (i !== 6) return l;
        const forged = { ...(JSON.parse(l) as AuditRecord), client: 'someone-else' };
        return canonicalJson({ ...forged, hash: recordHash(forged) });
      }),
    );
    expect((await verify()).break).toMatchObject({ seq: 7, reason: expect.stringContaining('replaced') });
  });

  it('detects a deleted record at the missing seq', async () => {
    await writeRecords(20);
    await editLines((lines) => lines.filter((_, i) => i !== 9));
    expect((await verify()).break).toMatchObject({ seq: 10, reason: expect.stringContaining('missing') });
  });

  it('detects a deleted first record at seq 1', async () => {
    await writeRecords(5);
    await editLines((lines) => lines.slice(1));
    expect((await verify()).break).toMatchObject({ seq: 1, reason: expect.stringContaining('missing') });
  });

  it('treats a torn line in an older file as a break', async () => {
    await writeRecords(30, { maxFileBytes: 4096 });
    const [first] = await listAuditFiles(dir);
    const text = await readFile(first!.path, 'utf8');
    await writeFile(first!.path, text.slice(0, -10));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.break?.reason).toContain('torn');
  });

  it('detects reordered records at the first seq out of place', async () => {
    await writeRecords(20);
    await editLines((lines) => {
      const out = [...lines];
      [out[11], out[12]] = [out[12]!, out[11]!];
      return out;
    });
    expect((await verify()).break).toMatchObject({ seq: 12, location: expect.stringMatching(/:12$/) });
  });

  it('skips a torn last line when verifying (reported), cuts it on restart and continues the chain from the last complete record', async () => {
    await writeRecords(5);
    const path = await onlyFile();
    await appendFile(path, '{"v":1,"kind":"operation","id":"torn');
    const beforeRestart = await verify();
    expect(beforeRestart).toMatchObject({ ok: true, records: 5, tornTail: expect.stringMatching(/:6$/) });
    await writeRecords(3);
    expect(await verify()).toMatchObject({ ok: true, records: 8, head: { seq: 8 }, tornTail: null });
  });

  it('rotates by size and keeps one chain across files and restarts', async () => {
    await writeRecords(30, { maxFileBytes: 4096 });
    await writeRecords(30, { maxFileBytes: 4096 });
    const files = await readdir(dir);
    expect(files.length).toBeGreaterThan(3);
    expect(await verify()).toMatchObject({ ok: true, records: 60, head: { seq: 60 } });
    const listed = await listAuditFiles(dir);
    const firstOfSecond = JSON.parse(
      (await readFile(listed[1]!.path, 'utf8')).split('\n')[0]!,
    ) as AuditRecord;
    expect(firstOfSecond.seq).toBe(listed[1]!.firstSeq);
  });

  it('rotates when the UTC day changes', async () => {
    let now = Date.parse('2026-11-24T23:59:59Z');
    const trail = createAuditTrail({ sink: createFileSink({ dir, now: () => now }), hasher: testHasher });
    await trail.start();
    trail.append(openDataRead());
    await trail.flush();
    now = Date.parse('2026-11-25T00:00:01Z');
    trail.append(openDataRead());
    await trail.close();
    expect((await listAuditFiles(dir)).map((f) => f.name)).toEqual([
      'audit-20261124-000000000001.jsonl',
      'audit-20261125-000000000002.jsonl',
    ]);
    expect((await verify()).ok).toBe(true);
  });
});
