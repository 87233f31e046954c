import { ErrorCode } from '@lgsp/schema';

/** The three client-visible codes an upstream failure can have (DESIGN.md §7). */
export type UpstreamErrorCode =
  typeof ErrorCode.UPSTREAM_TIMEOUT | typeof ErrorCode.UPSTREAM_UNAVAILABLE | typeof ErrorCode.UPSTREAM_ERROR;

/**
 * Why the call failed, for logs and metrics (never client-visible beyond `code`):
 * - `timeout`: no complete answer within `requestTimeoutMs`;
 * - `connect`: connection refused or connect timeout; `reset`: connection closed mid-request;
 * - `circuitOpen`: the breaker refused to call; `status`: an unexpected HTTP status;
 * - `malformed`: the body could not be parsed or did not have the expected shape; `soapFault`: a SOAP Fault.
 */
export type UpstreamFailureReason =
  'timeout' | 'connect' | 'reset' | 'circuitOpen' | 'status' | 'malformed' | 'soapFault';

const codeOfReason: Readonly<Record<UpstreamFailureReason, UpstreamErrorCode>> = {
  timeout: ErrorCode.UPSTREAM_TIMEOUT,
  connect: ErrorCode.UPSTREAM_UNAVAILABLE,
  reset: ErrorCode.UPSTREAM_UNAVAILABLE,
  circuitOpen: ErrorCode.UPSTREAM_UNAVAILABLE,
  status: ErrorCode.UPSTREAM_ERROR,
  malformed: ErrorCode.UPSTREAM_ERROR,
  soapFault: ErrorCode.UPSTREAM_ERROR,
};

export interface UpstreamErrorDetails {
  /** The upstream system's name (`health`). */
  upstream: string;
  reason: UpstreamFailureReason;
  /** The HTTP status, when the upstream answered one. */
  status?: number;
  /** How many attempts were made (1 + retries used). */
  attempts?: number;
  /** The underlying error, for logs only. Never sent to clients. */
  cause?: unknown;
}

function messageOf(details: UpstreamErrorDetails): string {
  const system = `Upstream system "${details.upstream}"`;
  switch (details.reason) {
    case 'timeout':
      return `${system} did not answer in time`;
    case 'connect':
      return `${system} could not be reached`;
    case 'reset':
      return `${system} closed the connection`;
    case 'circuitOpen':
      return `${system} is unavailable (circuit open after repeated failures)`;
    case 'status':
      return `${system} answered with HTTP ${details.status ?? 'error'}`;
    case 'malformed':
      return `${system} sent a response that could not be read`;
    case 'soapFault':
      return `${system} answered with a SOAP fault`;
  }
}

/**
 * A failed call to an upstream system. Match on `code` (or `isUpstreamError`), not on `instanceof`: a subgraph
 * may hold several copies of this package. The message names the system and the failure, never the upstream's
 * body, path or keys (they may hold personal data), so it is safe to show to clients.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  readonly upstream: string;
  readonly reason: UpstreamFailureReason;
  readonly status: number | undefined;
  readonly attempts: number;

  constructor(details: UpstreamErrorDetails) {
    super(messageOf(details), { cause: details.cause });
    this.code = codeOfReason[details.reason];
    this.upstream = details.upstream;
    this.reason = details.reason;
    this.status = details.status;
    this.attempts = details.attempts ?? 1;
  }

  /** A copy with the number of attempts made, set by the retry loop. */
  withAttempts(attempts: number): UpstreamError {
    return new UpstreamError({
      upstream: this.upstream,
      reason: this.reason,
      status: this.status,
      attempts,
      cause: this.cause,
    });
  }
}

const upstreamCodes = new Set<string>([
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_ERROR,
]);

export function isUpstreamError(error: unknown): error is UpstreamError {
  return (
    error instanceof Error &&
    error.name === 'UpstreamError' &&
    upstreamCodes.has((error as { code?: unknown }).code as string) &&
    typeof (error as { upstream?: unknown }).upstream === 'string'
  );
}

/** The outcome of a keyed read whose key the upstream does not know (HTTP 404). Callers turn it into `null`. */
export const NotFound: unique symbol = Symbol.for('@lgsp/subgraph-kit/NotFound');
export type NotFound = typeof NotFound;

export function isNotFound(value: unknown): value is NotFound {
  return value === NotFound;
}

/** `NotFound` → `null`, anything else unchanged (optionally mapped). */
export function orNull<T>(value: T | NotFound): T | null;
export function orNull<T, R>(value: T | NotFound, map: (found: T) => R): R | null;
export function orNull<T, R>(value: T | NotFound, map?: (found: T) => R): T | R | null {
  if (value === NotFound) return null;
  return map ? map(value) : value;
}
