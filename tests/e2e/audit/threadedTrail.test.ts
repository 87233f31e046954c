import { describe, it, expect, afterEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import {
  auditConfigSchema,
  createFileSource,
  createKeyedHasher,
  createPostgresSource,
  openAuditTrail,
  verifySource,
  type AuditEventInput,
} from '@lgsp/audit';
import { dropSchema, startPgProxy, uniqueSchema, until } from './pgHarness.js';

const key = Buffer.alloc(32, 4);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lgsp-audit-thread-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const lookup = (i: number): AuditEventInput => ({
  client: 'partner-police',
  requestId: `t${i}`,
  purpose: 'LAW_ENFORCEMENT',
  variables: { cccd: `0170900${String(i).padStart(5, '0')}` },
  personalVariables: ['cccd'],
  coordinates: new Set(['Query.citizen']),
  personalCoordinates: new Set(['Citizen.cccd']),
  personalEntityKeys: [{ kind: 'CCCD', value: `0170900${String(i).padStart(5, '0')}` }],
  outcome: 'allowed',
});

describe('audit trail in a worker thread', () => {
  it('writes the same verifiable file chain, with the configured key', async () => {
    const dir = await tempDir();
    const config = auditConfigSchema.parse({
      thread: true,
      file: { dir },
      key: { value: key.toString('base64') },
      retention: { days: 0 },
    });
    const { trail, close } = await openAuditTrail(config);
    expect(trail.health()).toMatchObject({ state: 'ok', personalDataAllowed: true });
    const ids = Array.from({ length: 500 }, (_, i) => trail.append(lookup(i)));
    // A careless caller passes something that cannot cross threads: the record is kept, as plain JSON.
    const odd = trail.append({ outcome: 'failed', variables: { callback: () => 1, n: 1 } });
    await trail.flush(30_000);
    expect(trail.stats()).toMatchObject({ appended: 501, written: 501, queued: 0 });
    await close();
    const source = createFileSource(dir);
    expect(await verifySource(source)).toMatchObject({ ok: true, records: 501 });
    expect(
      (await source.query({ outcome: 'failed' })).map((r) => [
        r.id,
        r.kind === 'checkpoint' ? null : r.variables,
      ]),
    ).toEqual([[odd, { n: 1 }]]);
    const found = await source.query({ keyedHash: createKeyedHasher(key).hash('017090000042') });
    expect(found.map((r) => r.id)).toEqual([ids[42]]);
  });

  it('forwards fail-closed state from the worker: PostgreSQL down with a full spool refuses personal data, then recovers', async () => {
    const spoolDir = await tempDir();
    const schema = uniqueSchema();
    const proxy = await startPgProxy();
    cleanups.push(
      () => dropSchema(schema),
      () => proxy.close(),
    );
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const config = auditConfigSchema.parse({
      thread: true,
      sink: 'postgres',
      postgres: { connectionString: proxy.url, schema, connectTimeoutMs: 1000, queryTimeoutMs: 2000 },
      spool: { dir: spoolDir, maxBytes: 128 * 1024, segmentBytes: 32 * 1024 },
      key: { value: key.toString('base64') },
      retention: { days: 0 },
    });
    const { trail, close } = await openAuditTrail(config, { log });
    cleanups.push(() => close());
    await trail.flush(30_000);
    proxy.down();
    const ids: string[] = [];
    for (let i = 0; trail.health().state !== 'unavailable'; i += 1) {
      ids.push(trail.append(lookup(i)));
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      if (i > 200_000) throw new Error('spool never filled');
    }
    expect(trail.health()).toMatchObject({ personalDataAllowed: false });
    expect(warnings.join('\n')).toContain('audit sink');
    proxy.up();
    await trail.flush(60_000);
    await until(() => trail.health().state === 'ok');
    const source = createPostgresSource({ connectionString: proxy.url, schema });
    try {
      expect(await verifySource(source)).toMatchObject({ ok: true, records: ids.length });
    } finally {
      await source.close();
    }
  });
});
