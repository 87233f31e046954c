import type { TraceContext } from '@lgsp/schema';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';

/**
 * What every request's GraphQL context carries, set by `useRequestId` before anything else runs. Plugins that add
 * to it (auth: the principal; audit: the record) extend this interface in their own files.
 */
export interface GatewayContext {
  /** The incoming Fetch API request (yoga's initial context). */
  request: Request;
  /** The request id: taken from the client's header when well-formed, generated otherwise. */
  requestId: string;
  /** pino logger bound to this request id. */
  log: Logger;
  /**
   * Extra headers to send to every subgraph call of this request (e.g. a verified principal added by the auth
   * plugin). Written by plugins, read by the subgraph executor.
   */
  subgraphHeaders?: Record<string, string>;
  /**
   * Headers for one subgraph call, chosen per subgraph (e.g. the auth plugin's signed assertion, addressed to that
   * subgraph alone). Called once per subgraph HTTP call; applied after `subgraphHeaders`.
   */
  subgraphHeadersFor?: (subgraph: string) => Record<string, string> | undefined;
  /** Subgraph names this request called, in call order; filled by the subgraph executor (read by audit). */
  subgraphsCalled?: Set<string>;
  /**
   * This request's W3C trace context (set by `useTraceContext`): the subgraph executor sends every call a
   * `traceparent` in this trace with a span id of its own.
   */
  traceContext?: TraceContext;
}

/** Narrows an executor's untyped context without trusting its shape. */
export function asGatewayContext(context: unknown): Partial<GatewayContext> {
  return typeof context === 'object' && context !== null ? (context as Partial<GatewayContext>) : {};
}

/** A plugin of the gateway: its hooks see the request id, logger and other GatewayContext fields. */
export type GatewayPlugin = Plugin<GatewayContext>;
