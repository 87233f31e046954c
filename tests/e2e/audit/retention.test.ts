import { describe, it, expect, afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyRetention,
  createAuditTrail,
  createKeyedHasher,
  createPostgresSink,
  createPostgresSource,
  createSpool,
  verifySource,
} from '@lgsp/audit';
import { dropSchema, pgUrl, uniqueSchema, withClient } from './pgHarness.js';

const schema = uniqueSchema();
let spoolDir = '';
afterAll(async () => {
  await dropSchema(schema);
  if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
});

describe('retention in PostgreSQL', () => {
  it('deletes expired rows behind a checkpoint; the rest verifies, and deleting more without one is detected', async () => {
    spoolDir = await mkdtemp(join(tmpdir(), 'lgsp-audit-retention-'));
    const sink = createPostgresSink({ connectionString: pgUrl, schema });
    const trail = createAuditTrail({
      sink,
      spool: createSpool({ dir: spoolDir }),
      hasher: createKeyedHasher(Buffer.alloc(32, 8)),
    });
    await trail.start();
    const now = new Date('2026-11-25T00:00:00Z');
    for (let i = 0; i < 30; i += 1) {
      const ageDays = i < 12 ? 800 : 10;
      trail.append({
        client: 'ioc-dashboard',
        outcome: 'allowed',
        time: new Date(now.getTime() - ageDays * 86_400_000 + i),
      });
    }
    await trail.flush(30_000);
    const result = await applyRetention({ trail, sink, retentionDays: 730, now });
    await trail.close();
    expect(result).toEqual({ removed: 12, prunedThroughSeq: 12 });

    const { rows } = await withClient((c) =>
      c.query<{ min: string; max: string; n: string }>(
        `SELECT min(seq), max(seq), count(*) AS n FROM "${schema}".records`,
      ),
    );
    expect(rows[0]).toEqual({ min: '13', max: '31', n: '19' });
    const source = createPostgresSource({ connectionString: pgUrl, schema });
    try {
      expect(await verifySource(source)).toMatchObject({
        ok: true,
        records: 19,
        prunedThroughSeq: 12,
        head: { seq: 31 },
      });
      await withClient((c) => c.query(`DELETE FROM "${schema}".records WHERE seq = 13`));
      const broken = await verifySource(source);
      expect(broken.ok).toBe(false);
      expect(broken.break).toMatchObject({
        seq: 13,
        reason: 'records 13..13 missing and no checkpoint records their removal',
      });
    } finally {
      await source.close();
    }
  });
});
