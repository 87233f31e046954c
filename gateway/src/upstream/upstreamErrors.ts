import { ErrorCode, isErrorCode } from '@lgsp/schema';
import type { GraphQLFormattedError } from 'graphql';

/** Why a subgraph call failed, in the words of the error table. */
export type UpstreamFailure =
  typeof ErrorCode.UPSTREAM_UNAVAILABLE | typeof ErrorCode.UPSTREAM_TIMEOUT | typeof ErrorCode.UPSTREAM_ERROR;

const messages: Record<UpstreamFailure, string> = {
  UPSTREAM_UNAVAILABLE: 'is unavailable',
  UPSTREAM_TIMEOUT: 'did not answer in time',
  UPSTREAM_ERROR: 'returned an invalid response',
};

/** The one client-visible error for a failed subgraph call: a fixed message, never the upstream body. */
export function upstreamFailureError(subgraph: string, code: UpstreamFailure): GraphQLFormattedError {
  return { message: `Subgraph "${subgraph}" ${messages[code]}`, extensions: { code, subgraph } };
}

/** Connection-level failures: nothing answered at all (refused, reset before a response, DNS, closed pool). */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Classifies a thrown transport error by its stable `code` (undici style), never by `instanceof`. */
export function classifyTransportError(error: unknown): UpstreamFailure {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && timeoutCodes.has(code)) return ErrorCode.UPSTREAM_TIMEOUT;
    if (typeof code === 'string' && unavailableCodes.has(code)) return ErrorCode.UPSTREAM_UNAVAILABLE;
    current = (current as { cause?: unknown }).cause;
  }
  return ErrorCode.UPSTREAM_ERROR;
}

/** Codes a subgraph may raise on purpose for clients to read; their messages pass through unchanged. */
const deliberateCodes = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.UPSTREAM_ERROR,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
]);

/**
 * Tags an error a subgraph returned. An error with one of our deliberate codes (FORBIDDEN, BAD_USER_INPUT, …)
 * keeps its message and code; anything else (a crash inside the subgraph, a foreign code) becomes UPSTREAM_ERROR
 * with a fixed message, since its text may hold internals. Other extensions (stack traces) are always dropped.
 */
export function tagSubgraphError(subgraph: string, error: unknown): GraphQLFormattedError {
  const raw = (typeof error === 'object' && error !== null ? error : {}) as Partial<GraphQLFormattedError>;
  const code = raw.extensions?.['code'];
  const deliberate = isErrorCode(code) && deliberateCodes.has(code) && typeof raw.message === 'string';
  const tagged: { -readonly [K in keyof GraphQLFormattedError]: GraphQLFormattedError[K] } = {
    message: deliberate ? raw.message! : `Subgraph "${subgraph}" failed to resolve a field`,
    extensions: { code: deliberate ? code : ErrorCode.UPSTREAM_ERROR, subgraph },
  };
  if (Array.isArray(raw.path)) tagged.path = raw.path;
  return tagged;
}
