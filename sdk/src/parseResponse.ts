import {
  clientError,
  fromGraphQLError,
  parseRetryAfter,
  type GatewayErrorCode,
  type GraphQLErrorEntry,
  type LgspError,
  type ResponseInfo,
} from './errors.js';

/** What one GraphQL request gave: data (possibly partial), errors as typed objects, and the response's facts. */
export interface ExecutionOutcome<TResult> {
  /** `null` when the request failed as a whole. */
  data: TResult | null;
  /** Empty on success; with `data` present, fields that failed or were removed (`remove` mode). */
  errors: LgspError[];
  extensions?: Record<string, unknown>;
  status: number;
  /** The gateway's `x-request-id`. */
  requestId?: string;
}

/** Code of a non-GraphQL error answer, from its HTTP status. */
function codeOfStatus(status: number): GatewayErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 502) return 'UPSTREAM_ERROR';
  if (status === 503) return 'UPSTREAM_UNAVAILABLE';
  if (status === 504) return 'UPSTREAM_TIMEOUT';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

function isErrorEntry(value: unknown): value is GraphQLErrorEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Reads a gateway response (GraphQL over HTTP, `application/graphql-response+json` or `application/json`). */
export async function parseResponse<TResult>(
  response: Response,
  requestIdHeader: string,
): Promise<ExecutionOutcome<TResult>> {
  const info: ResponseInfo = {
    status: response.status,
    ...(response.headers.get(requestIdHeader) ? { requestId: response.headers.get(requestIdHeader)! } : {}),
    ...(response.status === 429
      ? { retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')) }
      : {}),
  };
  const meta = { status: response.status, ...(info.requestId ? { requestId: info.requestId } : {}) };
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const payload = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const entries = Array.isArray(payload['errors']) ? payload['errors'].filter(isErrorEntry) : [];
  const hasData = typeof payload['data'] === 'object' && payload['data'] !== null;
  if (!hasData && entries.length === 0) {
    // Not a GraphQL answer (a proxy's error page, an empty body): classify by status, never quote the body.
    const error = response.ok
      ? clientError(
          'INVALID_RESPONSE',
          `the gateway answered HTTP ${response.status} without a GraphQL result`,
          info,
        )
      : fromGraphQLError(
          {
            message: `the gateway answered HTTP ${response.status}`,
            extensions: { code: codeOfStatus(response.status) },
          },
          info,
        );
    return { data: null, errors: [error], ...meta };
  }
  return {
    data: hasData ? (payload['data'] as TResult) : null,
    errors: entries.map((entry) => fromGraphQLError(entry, info)),
    ...(typeof payload['extensions'] === 'object' && payload['extensions'] !== null
      ? { extensions: payload['extensions'] as Record<string, unknown> }
      : {}),
    ...meta,
  };
}
