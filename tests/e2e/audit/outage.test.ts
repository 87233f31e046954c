import { describe, it, expect, afterEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  createAuditTrail,
  createKeyedHasher,
  createPostgresSink,
  createPostgresSource,
  createSpool,
  verifySource,
  type AuditEventInput,
  type AuditTrail,
} from '@lgsp/audit';
import { dropSchema, startPgProxy, uniqueSchema, until, withClient } from './pgHarness.js';

const hasher = createKeyedHasher(Buffer.alloc(32, 5));
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function read(i: number): AuditEventInput {
  return i % 4 === 0
    ? {
        client: 'partner-police',
        purpose: 'LAW_ENFORCEMENT',
        requestId: `r${i}`,
        personalCoordinates: ['Citizen.cccd'],
        personalEntityKeys: [{ kind: 'CCCD', value: `0170900${String(i).padStart(5, '0')}` }],
        outcome: 'allowed',
      }
    : { client: 'ioc-dashboard', requestId: `r${i}`, coordinates: ['Query.stations'], outcome: 'allowed' };
}

async function setup(options: { spoolMaxBytes?: number; queryTimeoutMs?: number } = {}) {
  const schema = uniqueSchema();
  const proxy = await startPgProxy();
  const spoolDir = await mkdtemp(join(tmpdir(), 'lgsp-audit-spool-'));
  const url = new URL(proxy.url);
  url.searchParams.set('application_name', schema);
  const trail = createAuditTrail({
    sink: createPostgresSink({
      connectionString: url.toString(),
      schema,
      queryTimeoutMs: options.queryTimeoutMs ?? 5000,
      connectTimeoutMs: 2000,
    }),
    spool: createSpool({
      dir: spoolDir,
      maxBytes: options.spoolMaxBytes ?? 64 * 1024 * 1024,
      segmentBytes: 64 * 1024,
    }),
    hasher,
    retryDelayMs: 20,
    maxRetryDelayMs: 250,
    batchMaxRecords: 100,
  });
  cleanups.push(
    () => dropSchema(schema),
    () => rm(spoolDir, { recursive: true, force: true }),
    () => proxy.close(),
    () => trail.close(30_000).catch(() => undefined),
  );
  await trail.start();
  return { schema, proxy, trail };
}

/** Appends `count` records in small bursts, like requests arriving, calling `at(i)` before record i. */
async function load(
  trail: AuditTrail,
  count: number,
  at: (i: number) => Promise<void> | void,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    await at(i);
    ids.push(trail.append(read(i)));
    if (i % 25 === 0) await yieldToLoop();
  }
  return ids;
}

async function storedIds(schema: string): Promise<string[]> {
  return withClient(async (c) =>
    (await c.query(`SELECT id FROM "${schema}".records ORDER BY seq`)).rows.map((r) => r.id),
  );
}

async function chainOk(schema: string) {
  const source = createPostgresSource({ connectionString: (await import('./pgHarness.js')).pgUrl, schema });
  try {
    return await verifySource(source);
  } finally {
    await source.close();
  }
}

describe('PostgreSQL outage during load', () => {
  it('connection cut mid-load then restored: every record arrives once, in order, and the chain verifies', async () => {
    const { schema, proxy, trail } = await setup();
    const ids = await load(trail, 3000, async (i) => {
      if (i === 1000) proxy.down();
      if (i === 2000) {
        await until(() => trail.health().state === 'degraded');
        expect(trail.health().personalDataAllowed).toBe(true);
        proxy.up();
      }
    });
    await trail.flush(60_000);
    expect(await storedIds(schema)).toEqual(ids);
    expect(await chainOk(schema)).toMatchObject({ ok: true, records: 3000 });
    expect(trail.health().state).toBe('ok');
  });

  it('backends terminated repeatedly mid-load: every record arrives once, in order', async () => {
    const { schema, trail } = await setup();
    const terminate = () =>
      withClient((c) =>
        c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
          schema,
        ]),
      );
    const ids = await load(trail, 2000, async (i) => {
      if (i > 0 && i % 400 === 0) await terminate();
    });
    await trail.flush(60_000);
    expect(await storedIds(schema)).toEqual(ids);
    expect(await chainOk(schema)).toMatchObject({ ok: true, records: 2000 });
  });

  it('a database too slow to answer (commits acknowledged late or never) stores nothing twice', async () => {
    const { schema, proxy, trail } = await setup({ queryTimeoutMs: 300 });
    const ids = await load(trail, 1500, async (i) => {
      if (i === 500) proxy.stall(true);
      if (i === 1000) {
        await until(() => trail.health().state === 'degraded');
        proxy.stall(false);
      }
    });
    await trail.flush(60_000);
    expect(await storedIds(schema)).toEqual(ids);
    expect(await chainOk(schema)).toMatchObject({ ok: true, records: 1500 });
  });

  it('fails closed for personal data when the spool fills during an outage, and recovers without loss', async () => {
    const { schema, proxy, trail } = await setup({ spoolMaxBytes: 256 * 1024 });
    proxy.down();
    const ids: string[] = [];
    // Requests keep arriving while the writer finds the spool full; pause often enough for it to find out.
    for (let i = 0; trail.health().state !== 'unavailable'; i += 1) {
      ids.push(trail.append(read(i)));
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      if (i > 100_000) throw new Error('spool never filled');
    }
    expect(trail.health()).toMatchObject({ personalDataAllowed: false, reason: 'audit spool not writable' });
    proxy.up();
    await trail.flush(60_000);
    expect(trail.health()).toMatchObject({ state: 'ok', personalDataAllowed: true });
    expect(await storedIds(schema)).toEqual(ids);
  }, 120_000);
});
