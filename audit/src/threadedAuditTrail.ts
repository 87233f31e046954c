import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AuditConfig } from './auditConfig.js';
import type { AuditEventInput } from './auditRecord.js';
import type { AuditHealth, AuditStats, AuditTrailApi } from './auditTrail.js';
import { touchesPersonalData } from './auditTrail.js';

/** Messages to the worker. */
export type WorkerRequest =
  | { type: 'append'; items: Array<{ input: unknown; id: string; atMs: number }> }
  | { type: 'flush'; token: number; timeoutMs: number }
  | { type: 'close' };

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'ready'; error: string | null }
  | { type: 'status'; health: AuditHealth; stats: AuditStats }
  | { type: 'flushed'; token: number; error: string | null }
  | { type: 'closed'; error: string | null }
  | { type: 'log'; level: 'error' | 'warn' | 'info' | 'debug'; fields: Record<string, unknown>; msg: string };

const iterableFields = [
  'coordinates',
  'personalCoordinates',
  'maskedCoordinates',
  'errorCodes',
  'subgraphs',
] as const;

/** Structured clone copies arrays and Sets but not arbitrary iterables: make every set-like field an array. */
function cloneable(input: AuditEventInput): AuditEventInput {
  let out = input;
  for (const field of iterableFields) {
    const value = input[field];
    if (value !== undefined && value !== null && !Array.isArray(value)) out = { ...out, [field]: [...value] };
  }
  return out;
}

function asPlainJson(item: { input: unknown; id: string; atMs: number }): {
  input: unknown;
  id: string;
  atMs: number;
} {
  const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? String(value) : value);
  return { ...item, input: JSON.parse(JSON.stringify(item.input, replacer)) as unknown };
}

/**
 * The audit trail with its writer in a worker thread (DESIGN.md §4: records are written off the hot path). On the
 * request thread `append` assigns the id and time, queues the input and posts queued inputs once per event-loop
 * turn; hashing, chaining and all I/O happen in the worker. `health()` answers from the worker's last status
 * (sent on change, at most every 20 ms) and from what is still waiting here, so it never blocks.
 */
export function createThreadedAuditTrail(config: AuditConfig, options: { log: Logger }): AuditTrailApi {
  const { log } = options;
  const failClosed = config.failMode === 'closed';
  let worker: Worker | null = null;
  let outbox: Array<{ input: unknown; id: string; atMs: number }> = [];
  let posting = false;
  let state: 'starting' | 'running' | 'stopped' | 'closed' = 'starting';
  let status: { health: AuditHealth; stats: AuditStats } | null = null;
  let appended = 0;
  let dropped = 0;
  let flushToken = 0;
  const flushes = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let onClosed: ((error: string | null) => void) | null = null;

  function postOutbox(): void {
    posting = false;
    if (outbox.length === 0 || !worker) return;
    const items = outbox;
    outbox = [];
    try {
      worker.postMessage({ type: 'append', items } satisfies WorkerRequest);
    } catch (error) {
      // Something in an input cannot be cloned (a function, a class instance): keep the records, as plain JSON.
      log.error({ err: error }, 'audit input not cloneable; sending it as JSON');
      worker.postMessage({ type: 'append', items: items.map(asPlainJson) } satisfies WorkerRequest);
    }
  }

  function waiting(): number {
    return appended - dropped - (status?.stats.appended ?? 0) + (status?.stats.queued ?? 0);
  }

  function handle(reply: WorkerReply): void {
    switch (reply.type) {
      case 'status':
        status = { health: reply.health, stats: reply.stats };
        break;
      case 'flushed': {
        const pending = flushes.get(reply.token);
        flushes.delete(reply.token);
        if (reply.error) pending?.reject(new Error(reply.error));
        else pending?.resolve();
        break;
      }
      case 'closed':
        onClosed?.(reply.error);
        break;
      case 'log':
        log[reply.level](reply.fields, reply.msg);
        break;
      case 'ready':
        break;
    }
  }

  const trail: AuditTrailApi = {
    start() {
      return new Promise((resolve, reject) => {
        worker = new Worker(new URL('./auditWorker.js', import.meta.url), { workerData: { config } });
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'ready') {
            if (reply.error) reject(new Error(`audit worker failed to start: ${reply.error}`));
            else {
              state = 'running';
              resolve();
            }
          }
          handle(reply);
        });
        worker.on('error', (error) => {
          log.error({ err: error }, 'audit worker crashed; personal-data reads refused');
          reject(error);
        });
        worker.on('exit', (code) => {
          if (state !== 'closed') {
            state = 'stopped';
            log.error({ code }, 'audit worker exited');
          }
          for (const pending of flushes.values()) pending.reject(new Error('audit worker stopped'));
          flushes.clear();
          onClosed?.('audit worker stopped');
        });
      });
    },

    append(input) {
      if (state === 'closed') throw new Error('audit trail is closed');
      const id = randomUUID();
      appended += 1;
      // Same rule as the in-process trail: beyond the limit, open-data records are dropped, personal ones kept.
      if (waiting() >= config.writer.maxQueuedRecords && !touchesPersonalData(input)) {
        dropped += 1;
        return id;
      }
      outbox.push({ input: cloneable(input), id, atMs: Date.now() });
      if (!posting) {
        posting = true;
        setImmediate(postOutbox);
      }
      return id;
    },

    health() {
      const unavailable = (reason: string): AuditHealth => ({
        state: 'unavailable',
        personalDataAllowed: !failClosed,
        reason,
      });
      if (state === 'starting') return { ...unavailable('audit trail starting'), state: 'starting' };
      if (state === 'stopped') return unavailable('audit worker stopped');
      if (state === 'closed') return { ...unavailable('audit trail closed'), state: 'closed' };
      if (waiting() >= config.writer.maxQueuedRecords) return unavailable('audit queue full');
      return status?.health ?? unavailable('audit trail starting');
    },

    stats() {
      const base = status?.stats ?? {
        appended: 0,
        written: 0,
        delivered: 0,
        dropped: 0,
        queued: 0,
        spoolBytes: 0,
      };
      return { ...base, appended, dropped: base.dropped + dropped, queued: waiting() };
    },

    flush(timeoutMs = Infinity) {
      postOutbox();
      if (!worker || state !== 'running') return Promise.reject(new Error('audit worker not running'));
      const token = ++flushToken;
      const done = new Promise<void>((resolve, reject) => flushes.set(token, { resolve, reject }));
      // The worker applies the timeout; Infinity does not survive structured clone as a number of ms.
      worker.postMessage({
        type: 'flush',
        token,
        timeoutMs: Number.isFinite(timeoutMs) ? timeoutMs : 2 ** 31 - 1,
      } satisfies WorkerRequest);
      return done;
    },

    async close(timeoutMs = config.writer.closeTimeoutMs) {
      if (state === 'closed') return;
      postOutbox();
      const running = worker && state === 'running';
      state = 'closed';
      if (!running) {
        await worker?.terminate();
        return;
      }
      const closed = new Promise<string | null>((resolve) => (onClosed = resolve));
      worker!.postMessage({ type: 'close' } satisfies WorkerRequest);
      // The worker's own close waits `closeTimeoutMs` for delivery; allow it that long plus a margin.
      const timer = setTimeout(() => void worker?.terminate(), timeoutMs + 5000);
      const error = await closed;
      clearTimeout(timer);
      if (error) log.error({ error }, 'audit worker closed with an error');
    },
  };
  return trail;
}
