import type { ErrorCode } from '@lgsp/schema';

/**
 * Why a request's credentials were refused. Stable: clients, tests and the audit trail match on these.
 * Descriptions never quote the token or its claims.
 */
export const TokenFailure = {
  TOKEN_MISSING: 'an access token is required (Authorization: Bearer)',
  TOKEN_IN_QUERY: 'access tokens are accepted only in the Authorization header, never in the URL',
  TOKEN_MALFORMED: 'the access token is not a well-formed JWT',
  TOKEN_TOO_LARGE: 'the access token exceeds the size limit',
  TOKEN_ALGORITHM_NOT_ALLOWED: 'the access token is not signed with an allowed asymmetric algorithm',
  TOKEN_KEY_UNKNOWN: 'the access token is signed with a key the issuer does not publish',
  TOKEN_SIGNATURE_INVALID: 'the access token signature is invalid',
  TOKEN_EXPIRED: 'the access token has expired',
  TOKEN_NOT_YET_VALID: 'the access token is not valid yet',
  TOKEN_ISSUER_INVALID: 'the access token was not issued by the trusted issuer',
  TOKEN_AUDIENCE_INVALID: 'the access token is not meant for this gateway',
  TOKEN_CLAIMS_INVALID: 'the access token lacks a required claim',
  TOKEN_NOT_ACCESS_TOKEN: 'the token is not an access token (an ID token cannot be used to call the API)',
  CLIENT_UNKNOWN: 'the client is not registered with the hub',
  ISSUER_UNAVAILABLE: 'the identity provider could not be reached to verify the token',
} as const;

export type TokenFailureReason = keyof typeof TokenFailure;

/** A refused credential. `code` is the client-visible error code; `reason` says which check failed. */
export class TokenError extends Error {
  readonly code: ErrorCode;
  readonly reason: TokenFailureReason;

  constructor(reason: TokenFailureReason, options?: { cause?: unknown }) {
    super(TokenFailure[reason], options);
    this.name = 'TokenError';
    this.reason = reason;
    // The issuer being down is our failure, not the caller's: it must not read as "your token is bad".
    this.code = reason === 'ISSUER_UNAVAILABLE' ? 'UPSTREAM_UNAVAILABLE' : 'UNAUTHENTICATED';
  }
}

export function isTokenError(error: unknown): error is TokenError {
  return error instanceof Error && error.name === 'TokenError' && 'reason' in error;
}

/**
 * The `WWW-Authenticate` value of a 401 (RFC 6750 §3): no error attribute when no credentials were sent,
 * `invalid_token` otherwise.
 */
export function wwwAuthenticate(error: TokenError, realm = 'lgsp'): string {
  if (error.reason === 'TOKEN_MISSING') return `Bearer realm="${realm}"`;
  const type =
    error.reason === 'TOKEN_IN_QUERY' || error.reason === 'TOKEN_MALFORMED'
      ? 'invalid_request'
      : 'invalid_token';
  return `Bearer realm="${realm}", error="${type}", error_description="${error.message}"`;
}
