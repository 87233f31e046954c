/**
 * Errors the SDK surfaces, matched by `code` (never by class): the gateway's codes (DESIGN.md §7, `@lgsp/schema`
 * errorCodes) plus the SDK's own for failures before the gateway answered.
 */

/** Codes the gateway sends in `extensions.code`. */
export type GatewayErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_ACCEPTABLE'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'AUDIT_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Codes of failures on the SDK's side: the token request, the network, or an answer that is not GraphQL. */
export type ClientErrorCode = 'TOKEN_REQUEST_FAILED' | 'NETWORK_ERROR' | 'INVALID_RESPONSE';

export type LgspErrorCode = GatewayErrorCode | ClientErrorCode;

const GATEWAY_CODES: ReadonlySet<string> = new Set<GatewayErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_ACCEPTABLE',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'AUDIT_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

/** One entry of a GraphQL response's `errors`, as the gateway sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

interface ErrorBase<C extends LgspErrorCode> extends Error {
  readonly name: 'LgspError';
  readonly code: C;
  /** HTTP status of the response, when there was one. */
  readonly status?: number;
  /** The field path the error belongs to; absent for request-level errors. */
  readonly path?: readonly (string | number)[];
  /** The gateway's request id (`x-request-id`), to quote to the hub's operators. */
  readonly requestId?: string;
  /** The GraphQL error as received, when the gateway sent one. */
  readonly entry?: GraphQLErrorEntry;
}

/** Refused by the hub's rules. Decree 194/2025 Art. 16: the refusal states its reason and legal basis. */
export interface ForbiddenError extends ErrorBase<'FORBIDDEN'> {
  readonly reason: string;
  readonly legalBasis: string;
  /** The schema coordinate whose rule failed (`Query.incidents`). */
  readonly coordinate?: string;
}

/** Over quota: retry after `retryAfterSeconds` (the `Retry-After` header). */
export interface RateLimitedError extends ErrorBase<'RATE_LIMITED'> {
  readonly retryAfterSeconds?: number;
}

/** No valid token; `reason` names the failed check (`TOKEN_EXPIRED`, `TOKEN_AUDIENCE_INVALID`, …). */
export interface UnauthenticatedError extends ErrorBase<'UNAUTHENTICATED'> {
  readonly reason?: string;
}

/** A provincial system behind the hub failed; `subgraph` names it. */
export interface UpstreamFailure extends ErrorBase<
  'UPSTREAM_ERROR' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_TIMEOUT'
> {
  readonly subgraph?: string;
}

type OtherCode = Exclude<
  LgspErrorCode,
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
>;

export type OtherError = ErrorBase<OtherCode>;

/** Every error the SDK surfaces; narrow it with `switch (error.code)`. */
export type LgspError =
  ForbiddenError | RateLimitedError | UnauthenticatedError | UpstreamFailure | OtherError;

const BRAND = Symbol.for('lgsp.sdk.error');

class LgspErrorImpl extends Error {
  override readonly name = 'LgspError';
  readonly [BRAND] = true;
  constructor(message: string, fields: Record<string, unknown>) {
    super(message);
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }
}

/** Whether a value is an error surfaced by this SDK (works across copies of the package, unlike `instanceof`). */
export function isLgspError(value: unknown): value is LgspError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export interface ResponseInfo {
  status?: number;
  requestId?: string;
  retryAfterSeconds?: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Turns one GraphQL error of a response into an {@link LgspError}. Unknown codes become INTERNAL_SERVER_ERROR. */
export function fromGraphQLError(entry: GraphQLErrorEntry, info: ResponseInfo): LgspError {
  const extensions = entry.extensions ?? {};
  const raw = str(extensions['code']);
  const code: GatewayErrorCode =
    raw !== undefined && GATEWAY_CODES.has(raw) ? (raw as GatewayErrorCode) : 'INTERNAL_SERVER_ERROR';
  const retryAfter = Number(extensions['retryAfterSeconds'] ?? extensions['retryAfter']);
  return new LgspErrorImpl(entry.message, {
    code,
    status: info.status,
    path: entry.path,
    requestId: info.requestId,
    entry,
    reason: str(extensions['reason']) ?? (code === 'FORBIDDEN' ? entry.message : undefined),
    legalBasis: str(extensions['legalBasis']) ?? (code === 'FORBIDDEN' ? '' : undefined),
    coordinate: str(extensions['coordinate']),
    subgraph: str(extensions['subgraph']),
    retryAfterSeconds:
      code === 'RATE_LIMITED'
        ? Number.isFinite(retryAfter)
          ? retryAfter
          : info.retryAfterSeconds
        : undefined,
  }) as unknown as LgspError;
}

/** An error raised by the SDK itself (token request, network, malformed answer). Messages never hold secrets. */
export function clientError(
  code: ClientErrorCode,
  message: string,
  info: ResponseInfo = {},
  cause?: unknown,
): LgspError {
  const error = new LgspErrorImpl(message, { code, status: info.status, requestId: info.requestId });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error as unknown as LgspError;
}

/** The `Retry-After` header in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}
