import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditExport } from '../src/auditTools.js';
import { createAuditTrail } from '../src/auditTrail.js';
import { createFileSink, listAuditFiles } from '../src/fileSink.js';
import { runCli } from '../src/runCli.js';
import { citizenLookup, openDataRead, tempDir, testHasher, testKey } from './fixtures.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
  await writeFile(join(dir, 'hmac.key'), testKey.toString('base64'));
  const trail = createAuditTrail({ sink: createFileSink({ dir }), hasher: testHasher });
  await trail.start();
  trail.append(citizenLookup('017090001234', { time: '2026-11-20T08:00:00Z' }));
  trail.append(openDataRead({ time: '2026-11-21T08:00:00Z' }));
  trail.append(citizenLookup('017090009999', { time: '2026-11-22T08:00:00Z', purpose: 'PUBLIC_HEALTH' }));
  trail.append(openDataRead({ time: '2026-11-23T08:00:00Z', outcome: 'refused' }));
  await trail.close();
});
afterEach(async () => remove());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lgsp-audit', () => {
  it('verify exits 0 and prints the head of an intact chain', async () => {
    const result = await cli('verify', '--file', dir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^chain OK: 4 records, head seq 4 hash [0-9a-f]{64}$/);
  });

  it('verify exits 1 and names the first broken record of an edited file', async () => {
    const [file] = await listAuditFiles(dir);
    const text = await readFile(file!.path, 'utf8');
    await writeFile(file!.path, text.replace('"purpose":"PUBLIC_HEALTH"', '"purpose":"CITIZEN_SERVICE"'));
    const result = await cli('verify', '--file', dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`chain BROKEN at seq 3 (${file!.name}:3)`);
  });

  it('verify --expect-head fails when records were cut from the end', async () => {
    const head = JSON.parse((await cli('verify', '--file', dir, '--json')).out).head;
    const [file] = await listAuditFiles(dir);
    const lines = (await readFile(file!.path, 'utf8')).trimEnd().split('\n');
    await writeFile(file!.path, `${lines.slice(0, 3).join('\n')}\n`);
    expect((await cli('verify', '--file', dir)).code).toBe(0);
    const result = await cli('verify', '--file', dir, '--expect-head', `${head.seq}:${head.hash}`);
    expect(result.code).toBe(1);
    expect(result.out).toContain('expected head is missing');
  });

  it('query --citizen finds every read of a CCCD by its keyed hash', async () => {
    const result = await cli('query', '--file', dir, '--citizen', '017090009999');
    expect(result.code).toBe(0);
    const records = result.out.split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ seq: 3, purpose: 'PUBLIC_HEALTH', client: 'partner-police' });
    expect(result.out).not.toContain('017090009999');
  });

  it('query filters by client, outcome, coordinate and time range', async () => {
    const seqs = async (...args: string[]) =>
      (await cli('query', '--file', dir, ...args)).out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).seq);
    expect(await seqs('--client', 'ioc-dashboard')).toEqual([2, 4]);
    expect(await seqs('--outcome', 'refused')).toEqual([4]);
    expect(await seqs('--coordinate', 'CitizenVaccination.cccd')).toEqual([1, 3]);
    expect(await seqs('--from', '2026-11-21T00:00:00Z', '--to', '2026-11-23T00:00:00Z')).toEqual([2, 3]);
  });

  it('export writes a slice that verifies on its own, and a tampered export does not', async () => {
    const out = join(dir, 'export.json');
    const result = await cli(
      'export',
      '--file',
      dir,
      '--from',
      '2026-11-21',
      '--to',
      '2026-11-23',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as AuditExport;
    expect(doc.records.map((r) => r.seq)).toEqual([2, 3]);
    expect(doc.proof).toMatchObject({ firstSeq: 2, lastSeq: 3, chainVerified: true, chainHead: { seq: 4 } });
    expect((await cli('verify', '--export', out)).code).toBe(0);
    (doc.records[1] as { purpose: string }).purpose = 'LAW_ENFORCEMENT';
    await writeFile(out, JSON.stringify(doc));
    const tampered = await cli('verify', '--export', out);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('BROKEN at seq 3');
  });

  it('exits 2 on usage errors and 3 when the source cannot be read', async () => {
    expect((await cli('verify')).code).toBe(2);
    expect((await cli('frobnicate', '--file', dir)).err).toContain('unknown command');
    expect((await cli('query', '--file', dir, '--outcome', 'maybe')).code).toBe(2);
    const missing = await cli('verify', '--file', join(dir, 'nope'));
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('ENOENT');
  });
});
