import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { AuditConfig } from './auditConfig.js';
import type { AuditEventInput } from './auditRecord.js';
import { openInProcessAuditTrail } from './openInProcessAuditTrail.js';
import type { WorkerReply, WorkerRequest } from './threadedAuditTrail.js';

// The audit writer's thread: it owns the key, the sink, the spool and retention; the request thread only posts
// appended inputs here. Logs are forwarded to the gateway's logger (which applies its own redaction).

const port = parentPort!;
const post = (reply: WorkerReply) => port.postMessage(reply);

function serializable(value: unknown): unknown {
  if (value instanceof Error) return { message: value.message, code: (value as { code?: unknown }).code };
  return value;
}

function forwardingLogger(): Logger {
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (obj: unknown, msg?: string): void => {
      const fields =
        typeof obj === 'object' && obj !== null
          ? Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, serializable(v)]))
          : {};
      post({ type: 'log', level, fields, msg: typeof obj === 'string' ? obj : (msg ?? '') });
    };
  const log = {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => log,
  };
  return log as unknown as Logger;
}

const config = (workerData as { config: AuditConfig }).config;
try {
  const opened = await openInProcessAuditTrail(config, forwardingLogger());
  const { trail } = opened;
  let lastStatus = '';
  const postStatus = () => {
    const status = { health: trail.health(), stats: trail.stats() };
    const text = JSON.stringify(status);
    if (text === lastStatus) return;
    lastStatus = text;
    post({ type: 'status', ...status });
  };
  // Status travels on change, at most every 20 ms: the request thread reads its copy without waiting.
  const statusTimer = setInterval(postStatus, 20);
  port.on('message', (message: WorkerRequest) => {
    switch (message.type) {
      case 'append':
        for (const item of message.items)
          trail.appendWithId(item.input as AuditEventInput, item.id, item.atMs);
        break;
      case 'flush':
        trail.flush(message.timeoutMs).then(
          () => {
            // Status first, so that stats read right after the flush resolves are current.
            postStatus();
            post({ type: 'flushed', token: message.token, error: null });
          },
          (error: Error) => post({ type: 'flushed', token: message.token, error: error.message }),
        );
        break;
      case 'close':
        clearInterval(statusTimer);
        opened.close().then(
          () => {
            post({ type: 'closed', error: null });
            port.close();
          },
          (error: Error) => {
            post({ type: 'closed', error: error.message });
            port.close();
          },
        );
        break;
    }
  });
  postStatus();
  post({ type: 'ready', error: null });
} catch (error) {
  post({ type: 'ready', error: (error as Error).message });
}
