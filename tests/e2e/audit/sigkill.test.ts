import { describe, it, expect, afterEach } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  createAuditTrail,
  createFileSink,
  createFileSource,
  createKeyedHasher,
  createPostgresSink,
  createPostgresSource,
  createSpool,
  verifySource,
  type AuditSource,
} from '@lgsp/audit';
import { dropSchema, pgUrl, uniqueSchema, withClient } from './pgHarness.js';

const child = fileURLToPath(new URL('./fixtures/appendLoop.mjs', import.meta.url));
const hasher = createKeyedHasher(Buffer.alloc(32, 1));
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lgsp-audit-kill-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the child until it has acknowledged at least `acks` records, then SIGKILLs it; returns the acked ids. */
async function runAndKill(args: string[], acks: number): Promise<{ ackedIds: string[]; acked: number }> {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ackedIds: string[] = [];
  let acked = 0;
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    proc.on('exit', (_code, signal) => resolve(signal)),
  );
  for await (const line of createInterface({ input: proc.stdout })) {
    const [, count, id] = line.split(' ');
    acked = Number(count);
    ackedIds.push(id!);
    if (acked >= acks) break;
  }
  // The child keeps appending while we read; kill it in the middle of whatever it is doing.
  proc.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return { ackedIds, acked };
}

async function verify(source: AuditSource) {
  try {
    return await verifySource(source);
  } finally {
    await source.close();
  }
}

describe('SIGKILL during load', () => {
  it('file sink: the chain verifies up to the last complete record, keeps every acknowledged record, and continues after restart', async () => {
    const dir = await tempDir();
    const { acked, ackedIds } = await runAndKill(['file', dir], 2000);
    const afterKill = await verify(createFileSource(dir));
    expect(afterKill.ok).toBe(true);
    expect(afterKill.records).toBeGreaterThanOrEqual(acked);
    const ids = new Set((await createFileSource(dir).query({ limit: 1e9 })).map((r) => r.id));
    expect(ackedIds.every((id) => ids.has(id))).toBe(true);

    const trail = createAuditTrail({ sink: createFileSink({ dir }), hasher });
    await trail.start();
    for (let i = 0; i < 10; i += 1) trail.append({ outcome: 'allowed', client: 'after-restart' });
    await trail.close();
    const restarted = await verify(createFileSource(dir));
    expect(restarted).toMatchObject({ ok: true, records: afterKill.records + 10, tornTail: null });
  });

  it('file sink with the writer in a worker thread: same guarantees', async () => {
    const dir = await tempDir();
    const { acked, ackedIds } = await runAndKill(['file-thread', dir], 2000);
    const afterKill = await verify(createFileSource(dir));
    expect(afterKill.ok).toBe(true);
    expect(afterKill.records).toBeGreaterThanOrEqual(acked);
    const ids = new Set((await createFileSource(dir).query({ limit: 1e9 })).map((r) => r.id));
    expect(ackedIds.every((id) => ids.has(id))).toBe(true);
  });

  it('PostgreSQL sink: after restart the spool is delivered, acknowledged records are all there, none twice, chain intact', async () => {
    const dir = await tempDir();
    const schema = uniqueSchema();
    cleanups.push(() => dropSchema(schema));
    const { ackedIds } = await runAndKill(['postgres', dir, pgUrl, schema], 1500);

    const trail = createAuditTrail({
      sink: createPostgresSink({ connectionString: pgUrl, schema }),
      spool: createSpool({ dir }),
      hasher,
    });
    await trail.start();
    await trail.flush(60_000);
    await trail.close();
    const result = await verify(createPostgresSource({ connectionString: pgUrl, schema }));
    expect(result.ok).toBe(true);
    const { rows } = await withClient((c) =>
      c.query<{ n: string; distinct_ids: string; distinct_requests: string }>(
        `SELECT count(*) AS n, count(DISTINCT id) AS distinct_ids, count(DISTINCT record::jsonb->>'requestId') AS distinct_requests FROM "${schema}".records`,
      ),
    );
    expect(Number(rows[0]!.n)).toBe(result.records);
    // Each child record has its own request id: a redelivered record stored twice would repeat one.
    expect(rows[0]!.distinct_requests).toBe(rows[0]!.n);
    const stored = await withClient((c) =>
      c.query<{ id: string }>(`SELECT id FROM "${schema}".records WHERE id = ANY($1::uuid[])`, [ackedIds]),
    );
    expect(stored.rows).toHaveLength(ackedIds.length);
  });
});
