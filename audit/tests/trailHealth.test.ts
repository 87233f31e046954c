import { describe, it, expect, afterEach } from '@jest/globals';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecordBody } from '../src/auditRecord.js';
import type { AuditSink } from '../src/auditSink.js';
import { createAuditTrail } from '../src/auditTrail.js';
import { emptyChainHead } from '../src/chain.js';
import { createFileSink } from '../src/fileSink.js';
import { createSpool } from '../src/spool.js';
import { citizenLookup, openDataRead, tempDir, testHasher } from './fixtures.js';

/** A sink whose availability the test switches; it keeps what it stored. */
function switchableSink() {
  const stored: AuditRecordBody[] = [];
  const sink: AuditSink & { up: boolean; stored: AuditRecordBody[] } = {
    kind: 'postgres',
    up: true,
    stored,
    async open() {
      if (!sink.up) throw new Error('down');
      return emptyChainHead;
    },
    async write(batch) {
      if (!sink.up) throw new Error('down');
      for (const body of batch) if (!stored.some((s) => s.id === body.id)) stored.push(body);
    },
    async planRetention() {
      return null;
    },
    async prune() {
      return 0;
    },
    async close() {},
  };
  return sink;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('audit trail health (fail-closed rule)', () => {
  it('refuses personal-data reads until started, then allows them', async () => {
    const trail = createAuditTrail({ sink: switchableSink(), hasher: testHasher });
    expect(trail.health()).toMatchObject({ state: 'starting', personalDataAllowed: false });
    await trail.start();
    expect(trail.health()).toEqual({ state: 'ok', personalDataAllowed: true, reason: null });
    await trail.close();
    expect(trail.health().personalDataAllowed).toBe(false);
    expect(() => trail.append(openDataRead())).toThrow('closed');
  });

  it('refuses personal-data reads while the sink cannot be written, and writes every record once it can', async () => {
    const sink = switchableSink();
    const trail = createAuditTrail({ sink, hasher: testHasher, retryDelayMs: 5, maxRetryDelayMs: 20 });
    await trail.start();
    sink.up = false;
    trail.append(citizenLookup('017090000001'));
    await until(() => trail.health().state === 'unavailable');
    expect(trail.health()).toMatchObject({ personalDataAllowed: false, reason: 'audit sink not writable' });
    trail.append(openDataRead());
    sink.up = true;
    await trail.flush(10_000);
    expect(trail.health().state).toBe('ok');
    expect(sink.stored.map((b) => (b.kind === 'checkpoint' ? null : b.client))).toEqual([
      'partner-police',
      'ioc-dashboard',
    ]);
    await trail.close();
  });

  it('in fail-open mode keeps allowing personal-data reads while unavailable', async () => {
    const sink = switchableSink();
    const trail = createAuditTrail({ sink, hasher: testHasher, failMode: 'open', retryDelayMs: 5 });
    await trail.start();
    sink.up = false;
    trail.append(openDataRead());
    await until(() => trail.health().state === 'unavailable');
    expect(trail.health().personalDataAllowed).toBe(true);
    sink.up = true;
    await trail.close();
  });

  it('with a spool, a sink outage only degrades: records wait on disk and arrive in order', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const sink = switchableSink();
    sink.up = false;
    const trail = createAuditTrail({
      sink,
      spool: createSpool({ dir }),
      hasher: testHasher,
      retryDelayMs: 5,
      maxRetryDelayMs: 20,
    });
    await trail.start();
    const ids = Array.from({ length: 50 }, (_, i) =>
      trail.append(i % 2 ? openDataRead() : citizenLookup(`0170900000${i}`)),
    );
    await until(() => trail.stats().written === 50 && trail.health().state === 'degraded');
    expect(trail.health()).toMatchObject({ personalDataAllowed: true });
    expect(sink.stored).toHaveLength(0);
    sink.up = true;
    await trail.flush(10_000);
    expect(sink.stored.map((b) => b.id)).toEqual(ids);
    expect(trail.health().state).toBe('ok');
    await trail.close();
    // A clean shutdown with everything delivered leaves nothing to deliver again at the next start.
    expect((await readdir(dir)).filter((name) => name.startsWith('spool-'))).toEqual([]);
  });

  it('refuses personal-data reads when the spool is full and recovers, losing nothing, when it drains', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const sink = switchableSink();
    sink.up = false;
    const spool = createSpool({ dir, maxBytes: 8 * 1024, segmentBytes: 2 * 1024 });
    const trail = createAuditTrail({
      sink,
      spool,
      hasher: testHasher,
      retryDelayMs: 5,
      maxRetryDelayMs: 20,
      batchMaxRecords: 2,
    });
    await trail.start();
    for (let i = 0; i < 40; i += 1) trail.append(citizenLookup(`01709000${String(i).padStart(4, '0')}`));
    await until(() => trail.health().state === 'unavailable');
    expect(trail.health()).toMatchObject({ personalDataAllowed: false, reason: 'audit spool not writable' });
    sink.up = true;
    await trail.flush(20_000);
    expect(sink.stored).toHaveLength(40);
    expect(trail.health().personalDataAllowed).toBe(true);
    await trail.close();
  });

  it('drops open-data records, never personal-data ones, when the queue overflows during an outage', async () => {
    const sink = switchableSink();
    const trail = createAuditTrail({ sink, hasher: testHasher, maxQueuedRecords: 3, retryDelayMs: 5 });
    await trail.start();
    sink.up = false;
    for (let i = 0; i < 3; i += 1) trail.append(openDataRead());
    trail.append(openDataRead());
    trail.append(citizenLookup('017090000009'));
    expect(trail.stats()).toMatchObject({ dropped: 1, queued: 4 });
    expect(trail.health()).toMatchObject({ state: 'unavailable', personalDataAllowed: false });
    sink.up = true;
    await trail.close();
    expect(sink.stored).toHaveLength(4);
  });

  it('reports an audit directory that cannot be created as unavailable', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, 'x');
    const trail = createAuditTrail({
      sink: createFileSink({ dir: join(blocker, 'audit') }),
      hasher: testHasher,
    });
    await expect(trail.start()).rejects.toThrow();
    expect(trail.health().personalDataAllowed).toBe(false);
  });
});

describe('audit trail flush', () => {
  it('resolves right after start when a spool is empty', async () => {
    const { dir, remove } = await tempDir();
    try {
      const trail = createAuditTrail({
        sink: switchableSink(),
        spool: createSpool({ dir }),
        hasher: testHasher,
      });
      await trail.start();
      await trail.flush(10_000);
      await trail.close();
    } finally {
      await remove();
    }
  });
});

describe('audit trail with a nearly full spool', () => {
  it('splits a batch larger than half the spool instead of waiting forever for room', async () => {
    const { dir, remove } = await tempDir();
    try {
      const sink = switchableSink();
      sink.up = false;
      const spool = createSpool({ dir, maxBytes: 16 * 1024, segmentBytes: 4 * 1024 });
      const trail = createAuditTrail({
        sink,
        spool,
        hasher: testHasher,
        retryDelayMs: 5,
        maxRetryDelayMs: 20,
      });
      await trail.start();
      // One burst, one batch of about 40 KiB: more than the whole spool.
      for (let i = 0; i < 40; i += 1) trail.append(citizenLookup(`01709000${String(i).padStart(4, '0')}`));
      await until(() => trail.health().state === 'unavailable' && trail.stats().written > 0);
      expect(trail.stats().spoolBytes).toBeGreaterThan(8 * 1024);
      sink.up = true;
      await trail.flush(20_000);
      expect(sink.stored).toHaveLength(40);
      await trail.close();
    } finally {
      await remove();
    }
  });
});

describe('audit trail with invalid input', () => {
  it('keeps the record, with the append time, flagged AUDIT_INPUT_INVALID', async () => {
    const sink = switchableSink();
    const trail = createAuditTrail({ sink, hasher: testHasher });
    await trail.start();
    const before = Date.now();
    trail.append({ ...openDataRead(), time: 'yesterday' });
    await trail.close();
    const [stored] = sink.stored;
    expect(stored).toMatchObject({ errorCodes: ['AUDIT_INPUT_INVALID'], client: 'ioc-dashboard' });
    expect(Date.parse(stored!.time)).toBeGreaterThanOrEqual(before - 1);
  });
});
