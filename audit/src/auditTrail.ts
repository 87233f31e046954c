import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import {
  AUDIT_RECORD_VERSION,
  type AuditEventInput,
  type AuditRecordBody,
  type CheckpointRecordBody,
} from './auditRecord.js';
import {
  touchesPersonalData,
  type AuditHealth,
  type AuditStats,
  type AuditTrailApi,
  type AuditTrailOptions,
} from './auditTrailTypes.js';
import { buildRecordBody } from './buildRecordBody.js';
import type { Spool, SpoolPosition } from './spool.js';

export * from './auditTrailTypes.js';

type Queued = { input: AuditEventInput; id: string; atMs: number } | { body: AuditRecordBody };

const isBefore = (a: SpoolPosition, b: SpoolPosition) =>
  a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);

/**
 * The audit trail: `append` only enqueues (the request's hot path); one writer serializes records in append order,
 * builds their stored form, and makes them durable in batches; with a spool, a deliverer moves spooled records to
 * the sink in order and retries until the sink takes them.
 */
export function createAuditTrail(options: AuditTrailOptions) {
  const { sink, hasher } = options;
  const spool = options.spool ?? null;
  const failClosed = (options.failMode ?? 'closed') === 'closed';
  const batchMax = options.batchMaxRecords ?? 512;
  const maxQueued = options.maxQueuedRecords ?? 100_000;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
  const log = options.log ?? pino({ level: 'silent' });

  let queue: Queued[] = [];
  let pending: AuditRecordBody[] | null = null;
  let state: 'starting' | 'running' | 'closing' | 'closed' = 'starting';
  let stopped = false;
  let writeError: Error | null = null;
  let deliveryError: Error | null = null;
  let deliveredAt: SpoolPosition | null = null;
  const counts = { appended: 0, written: 0, delivered: 0, dropped: 0 };
  const wakers = { writer: null as (() => void) | null, deliverer: null as (() => void) | null };
  const progressWaiters = new Set<() => void>();
  const loops: Promise<void>[] = [];

  /** A wake-up that finds its loop busy is remembered, so a loop that checks for work and then sleeps cannot miss it. */
  const signaled = { writer: false, deliverer: false };
  const backoffs = new Set<() => void>();

  function wake(which: keyof typeof wakers): void {
    const resolve = wakers[which];
    wakers[which] = null;
    if (resolve) resolve();
    else signaled[which] = true;
  }
  function waitForWork(which: keyof typeof wakers): Promise<void> {
    if (signaled[which]) {
      signaled[which] = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (wakers[which] = resolve));
  }
  /** Retry delay: new work does not cut it short (a failing sink is not hammered); only close does. */
  function backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        backoffs.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      backoffs.add(done);
    });
  }
  function stopLoops(): void {
    stopped = true;
    for (const done of [...backoffs]) done();
    wake('writer');
    wake('deliverer');
  }
  function progress(): void {
    for (const check of progressWaiters) check();
  }

  function build(item: Queued): AuditRecordBody {
    if ('body' in item) return item.body;
    try {
      return buildRecordBody(item.input, hasher, item.id, item.atMs);
    } catch (error) {
      // Never lose the record over a malformed field: keep what is safe and say so in errorCodes.
      log.error(
        { err: error, requestId: item.input.requestId },
        'audit input invalid; recording without time/variables',
      );
      const safe = { ...item.input, time: undefined, variables: null, personalVariables: [] };
      return buildRecordBody(
        { ...safe, errorCodes: [...(item.input.errorCodes ?? []), 'AUDIT_INPUT_INVALID'] },
        hasher,
        item.id,
        item.atMs,
      );
    }
  }

  async function writerLoop(): Promise<void> {
    let delay = retryDelayMs;
    while (!stopped) {
      if (!pending) {
        if (queue.length === 0) {
          if (state === 'closing') return;
          await waitForWork('writer');
          continue;
        }
        const items = queue.length <= batchMax ? queue : queue.slice(0, batchMax);
        queue = queue.length <= batchMax ? [] : queue.slice(batchMax);
        pending = items.map(build);
      }
      try {
        if (spool) await spool.append(pending);
        else await sink.write(pending);
        counts.written += pending.length;
        pending = null;
        if (writeError) log.info('audit writes recovered');
        writeError = null;
        delay = retryDelayMs;
        wake('deliverer');
        progress();
      } catch (error) {
        if (!writeError)
          log.error({ err: error }, 'audit write failed; retrying (personal-data reads refused meanwhile)');
        writeError = error as Error;
        // A batch over half the spool might never fit (delivered bytes are freed a segment at a time): halve it.
        const batch = pending ?? [];
        const full = error as { code?: string; maxBytes?: number; batchBytes?: number };
        const mayNeverFit =
          full.code === 'AUDIT_SPOOL_FULL' && (full.batchBytes ?? 0) > (full.maxBytes ?? 0) / 2;
        if (mayNeverFit && batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          queue = [...batch.slice(half).map((body) => ({ body })), ...queue];
          pending = batch.slice(0, half);
          continue;
        }
        await backoff(delay);
        delay = Math.min(delay * 2, maxRetryDelayMs);
      }
    }
  }

  async function openSinkWithRetry(): Promise<boolean> {
    let delay = retryDelayMs;
    while (!stopped) {
      try {
        await sink.open();
        return true;
      } catch (error) {
        if (!deliveryError)
          log.warn({ err: error }, 'audit sink unreachable at start; records wait in the spool');
        deliveryError = error as Error;
        await backoff(delay);
        delay = Math.min(delay * 2, maxRetryDelayMs);
      }
    }
    return false;
  }

  async function delivererLoop(s: Spool): Promise<void> {
    if (!(await openSinkWithRetry())) return;
    let position = s.start();
    deliveredAt = position;
    let delay = retryDelayMs;
    while (!stopped) {
      try {
        const { records, next } = await s.read(position, batchMax);
        if (records.length === 0) {
          position = next;
          deliveredAt = position;
          // A flush waiting on an empty spool (e.g. right after start) must learn that delivery has caught up.
          progress();
          if (state === 'closing' && queue.length === 0 && !pending) return;
          await waitForWork('deliverer');
          continue;
        }
        await sink.write(records);
        position = next;
        deliveredAt = position;
        counts.delivered += records.length;
        if (deliveryError) log.info('audit sink reachable again; spool delivered in order');
        deliveryError = null;
        delay = retryDelayMs;
        await s.release(position);
        progress();
      } catch (error) {
        if (!deliveryError) log.warn({ err: error }, 'audit sink write failed; records kept in the spool');
        deliveryError = error as Error;
        await backoff(delay);
        delay = Math.min(delay * 2, maxRetryDelayMs);
      }
    }
  }

  function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            progressWaiters.delete(check);
            reject(new Error(`audit flush timed out after ${timeoutMs} ms`));
          }, timeoutMs)
        : null;
      const check = () => {
        if (!done()) return;
        progressWaiters.delete(check);
        if (timer) clearTimeout(timer);
        resolve();
      };
      progressWaiters.add(check);
    });
  }

  function queuedCount(): number {
    return queue.length + (pending?.length ?? 0);
  }

  const trail = {
    /** Opens the sink (and spool) and starts the writer. With a spool, an unreachable sink does not fail start. */
    async start(): Promise<void> {
      if (spool) {
        await spool.open();
        loops.push(delivererLoop(spool));
      } else await sink.open();
      state = 'running';
      loops.push(writerLoop());
    },

    /**
     * Enqueues one record and returns its id at once; nothing is awaited. Throws only after `close()`.
     * When the queue is over its limit (the audit cannot be written), open-data records are dropped and counted;
     * records touching personal data are always kept.
     */
    append(input: AuditEventInput): string {
      return trail.appendWithId(input, randomUUID(), Date.now());
    },

    /** `append` with the id and time chosen by the caller (the worker-thread trail assigns them on the request thread). */
    appendWithId(input: AuditEventInput, id: string, atMs: number): string {
      if (state === 'closing' || state === 'closed') throw new Error('audit trail is closed');
      if (queuedCount() >= maxQueued && !touchesPersonalData(input)) {
        counts.dropped += 1;
        counts.appended += 1;
        counts.written += 1;
        if (counts.dropped % 1000 === 1)
          log.error({ dropped: counts.dropped }, 'audit queue full: open-data records dropped');
        return id;
      }
      queue.push({ input, id, atMs });
      counts.appended += 1;
      wake('writer');
      return id;
    },

    /** Appends a checkpoint (retention); internal, but exported for tools and tests. */
    appendCheckpoint(checkpoint: Omit<CheckpointRecordBody, 'v' | 'kind' | 'id' | 'time'>): string {
      const id = randomUUID();
      queue.push({
        body: {
          v: AUDIT_RECORD_VERSION,
          kind: 'checkpoint',
          id,
          time: new Date().toISOString(),
          ...checkpoint,
        },
      });
      counts.appended += 1;
      wake('writer');
      return id;
    },

    health(): AuditHealth {
      const unavailable = (reason: string): AuditHealth => ({
        state: 'unavailable',
        personalDataAllowed: !failClosed,
        reason,
      });
      if (state === 'starting') return { ...unavailable('audit trail starting'), state: 'starting' };
      if (state === 'closed' || state === 'closing')
        return { ...unavailable('audit trail closed'), state: 'closed' };
      if (writeError) return unavailable(spool ? 'audit spool not writable' : 'audit sink not writable');
      if (queuedCount() >= maxQueued) return unavailable('audit queue full');
      if (deliveryError)
        return { state: 'degraded', personalDataAllowed: true, reason: 'audit sink unreachable; spooling' };
      return { state: 'ok', personalDataAllowed: true, reason: null };
    },

    stats(): AuditStats {
      return { ...counts, queued: queuedCount(), spoolBytes: spool?.bytes() ?? 0 };
    },

    /** Resolves when every record appended before the call is stored in the sink (through the spool, if any). */
    async flush(timeoutMs = Infinity): Promise<void> {
      const target = counts.appended;
      const deadline = Date.now() + timeoutMs;
      await waitFor(() => counts.written >= target, timeoutMs);
      if (!spool) return;
      const end = spool.end();
      wake('deliverer');
      await waitFor(
        () => deliveredAt !== null && !isBefore(deliveredAt, end),
        Math.max(0, deadline - Date.now()),
      );
    },

    /** Stops accepting records, delivers what it can within `timeoutMs`, then closes; the rest stays in the spool. */
    async close(timeoutMs = 10_000): Promise<void> {
      if (state === 'closed') return;
      const wasRunning = state === 'running';
      state = 'closing';
      if (wasRunning) {
        try {
          await trail.flush(timeoutMs);
        } catch {
          log.error(
            { queued: queuedCount() },
            'audit close: not everything was delivered in time; spooled records wait for the next start',
          );
        }
      }
      stopLoops();
      await Promise.all(loops);
      state = 'closed';
      if (spool && deliveredAt && queuedCount() === 0) await spool.discardDelivered(deliveredAt);
      await spool?.close();
      await sink.close();
    },
  };
  return trail;
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;

// The in-process trail is one implementation of the API (checked here, at compile time).
const _implementsApi: (trail: AuditTrail) => AuditTrailApi = (trail) => trail;
