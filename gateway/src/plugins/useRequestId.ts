import type { GatewayPlugin } from '../gatewayContext.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

export interface RequestIdOptions {
  /** Header read from clients, echoed in responses and sent to subgraphs. */
  header: string;
  /** Root logger; each request gets `log.child({ requestId })`. */
  log: Logger;
}

/** Client-chosen ids are accepted only when short and plain, so they cannot forge or flood log lines. */
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;

const ids = new WeakMap<Request, string>();

/** The request id of a request seen by this plugin (generated on first sight). */
export function requestIdOf(request: Request, header: string): string {
  let id = ids.get(request);
  if (id === undefined) {
    const incoming = request.headers.get(header);
    id = incoming !== null && acceptableId.test(incoming) ? incoming : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/**
 * Gives every request an id (the client's `x-request-id` when well-formed, a UUID otherwise), puts it and a bound
 * logger in the GraphQL context, and echoes it on every response, including health and error responses.
 */
export function useRequestId(options: RequestIdOptions): GatewayPlugin {
  return {
    onRequest({ request }) {
      requestIdOf(request, options.header);
    },
    onContextBuilding({ context, extendContext }) {
      const requestId = requestIdOf(context.request, options.header);
      extendContext({ requestId, log: options.log.child({ requestId }), subgraphsCalled: new Set<string>() });
    },
    onResponse({ request, response }) {
      response.headers.set(options.header, requestIdOf(request, options.header));
    },
  };
}
