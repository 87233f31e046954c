import { continueTrace, parseTraceparent, TRACEPARENT_HEADER, TRACESTATE_HEADER } from '@lgsp/schema';
import type { GatewayPlugin } from '../gatewayContext.js';

/**
 * W3C trace context, propagation only (docs/observability.md): a well-formed incoming `traceparent` is continued
 * (same trace id and flags, its `tracestate` kept), a missing or malformed one starts a new trace, so a client
 * cannot push arbitrary text to subgraphs or logs through it. The context goes into `traceContext`, from which the
 * subgraph executor sends each call its own child `traceparent`, and the request's logger gets the `traceId`.
 * No spans are recorded here: an OpenTelemetry exporter can be added later without changing what travels.
 */
export function useTraceContext(): GatewayPlugin {
  return {
    onContextBuilding({ context, extendContext }) {
      const headers = context.request.headers;
      const parent = parseTraceparent(headers.get(TRACEPARENT_HEADER), headers.get(TRACESTATE_HEADER));
      const traceContext = continueTrace(parent);
      extendContext({ traceContext, log: context.log.child({ traceId: traceContext.traceId }) });
    },
  };
}
