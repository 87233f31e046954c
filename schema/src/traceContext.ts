import { randomFillSync } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/), propagation only: the gateway and the subgraphs pass
 * `traceparent` (and `tracestate`) along so an operator can add an OpenTelemetry exporter anywhere later and get
 * connected traces. Nothing here records spans.
 */
export interface TraceContext {
  /** 32 lower-case hex digits, not all zero; the same on every hop of one trace. */
  traceId: string;
  /** 16 lower-case hex digits, not all zero: the span of the hop that holds this context. */
  spanId: string;
  /** 2 hex digits; `01` = sampled. */
  flags: string;
  /** The incoming `tracestate`, passed on unchanged (only with a valid incoming `traceparent`). */
  traceState?: string;
}

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const zeroTraceId = '0'.repeat(32);
const zeroSpanId = '0'.repeat(16);
/** The spec allows 32 list members of at most 256 characters; we only bound the whole and keep it printable. */
const traceStatePattern = /^[\x20-\x7e]{1,512}$/;

/**
 * Parses a `traceparent` header; `undefined` when it is absent or malformed (version `ff`, upper case, all-zero ids,
 * a version-00 header with extra fields). Headers of a later version are read by their first four fields, as the
 * spec asks.
 */
export function parseTraceparent(
  value: string | null | undefined,
  traceState?: string | null,
): TraceContext | undefined {
  if (!value || value.length > 512) return undefined;
  const match = traceparentPattern.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === zeroTraceId || spanId === zeroSpanId) return undefined;
  const state = traceState?.trim();
  return state && traceStatePattern.test(state)
    ? { traceId, spanId, flags, traceState: state }
    : { traceId, spanId, flags };
}

// Random bytes are drawn from a refilled pool (as `crypto.randomUUID` does): one call into OpenSSL per 512 span
// ids instead of one per subgraph call. Trace ids are identifiers, not secrets.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex(bytes: number, zero: string): string {
  let hex: string;
  do {
    if (poolOffset + bytes > pool.length) {
      randomFillSync(pool);
      poolOffset = 0;
    }
    hex = pool.toString('hex', poolOffset, poolOffset + bytes);
    poolOffset += bytes;
  } while (hex === zero);
  return hex;
}

/** A fresh span id (16 hex digits, never all zero). */
export function newSpanId(): string {
  return randomHex(8, zeroSpanId);
}

/**
 * The context of a hop that received `parent` (a new span in the same trace, same flags and state), or the root of a
 * new trace when there is no valid parent. A new trace is marked sampled: every hop logs its request with the trace
 * id, so there is something to find.
 */
export function continueTrace(parent: TraceContext | undefined): TraceContext {
  if (parent === undefined) return { traceId: randomHex(16, zeroTraceId), spanId: newSpanId(), flags: '01' };
  return { ...parent, spanId: newSpanId() };
}

/** The `traceparent` value for a context (version 00). */
export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.flags}`;
}

/**
 * The `traceparent` for one outgoing call made by the hop holding `context`: same trace, a new span id per call.
 * (Without a tracer no span is recorded; the id still lets a later exporter and the callee's logs tell calls apart.)
 */
export function childTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${newSpanId()}-${context.flags}`;
}
