import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import { continueTrace, parseTraceparent, type TraceContext } from '@lgsp/schema';
import { resolveRequestId } from './server/requestId.js';

/**
 * What an upstream call needs from the GraphQL request it serves, without every resolver and loader passing it:
 * the request id and the trace context. The subgraph server runs each request inside its scope; the upstream
 * client reads it for `x-request-id` (when not given) and `traceparent` (always, a new span id per attempt).
 */
export interface RequestScope {
  requestId: string;
  /** This subgraph's hop of the trace: the gateway's `traceparent` continued, or a new trace. */
  trace: TraceContext;
}

const storage = new AsyncLocalStorage<RequestScope>();

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The scope of an incoming request: its well-formed `x-request-id` and `traceparent`, or fresh ones. */
export function requestScopeOf(headers: IncomingHttpHeaders): RequestScope {
  const parent = parseTraceparent(headerValue(headers['traceparent']), headerValue(headers['tracestate']));
  return { requestId: resolveRequestId(headers['x-request-id']), trace: continueTrace(parent) };
}

/** Runs `fn(...args)` inside `scope` (passing arguments, so callers need no closure per request). */
export function runInRequestScope<A extends unknown[], R>(
  scope: RequestScope,
  fn: (...args: A) => R,
  ...args: A
): R {
  return storage.run(scope, fn, ...args);
}

/** The scope of the request being served, if any (undefined outside the subgraph server, e.g. in scripts). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
