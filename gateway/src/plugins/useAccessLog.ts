import type { GatewayPlugin } from '../gatewayContext.js';
import type { Logger } from 'pino';
import { requestIdOf } from './useRequestId.js';

export interface AccessLogOptions {
  log: Logger;
  /** Header carrying the request id (same as useRequestId's). */
  requestIdHeader: string;
}

const started = new WeakMap<Request, number>();

/** One structured line per HTTP request, with its request id, status and duration. No bodies, no headers. */
export function useAccessLog(options: AccessLogOptions): GatewayPlugin {
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      const url = new URL(request.url);
      options.log.info(
        {
          requestId: requestIdOf(request, options.requestIdHeader),
          method: request.method,
          path: url.pathname,
          status: response.status,
          durationMs: start === undefined ? undefined : Math.round((performance.now() - start) * 10) / 10,
        },
        'request',
      );
    },
  };
}
