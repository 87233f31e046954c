import { ErrorCode, httpStatusOf } from '@lgsp/schema';
import { GraphQLError } from 'graphql';
import type { DocumentViolation } from './checkDocument.js';

/** A whole-request refusal as a GraphQL-over-HTTP JSON response (nothing was parsed or executed). */
export function refusalResponse(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }), {
    status: httpStatusOf[code],
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** An operation-level refusal; yoga answers with `extensions.http` (status and headers), which clients never see. */
export function refusalError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown>,
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      ...extensions,
      http: { status: httpStatusOf[code], ...(headers ? { headers } : {}) },
    },
  });
}

/** Operation limits are validation failures with a precise `extensions.reason`. */
export function violationError(violation: DocumentViolation): GraphQLError {
  const { reason, message, limit } = violation;
  return refusalError(ErrorCode.GRAPHQL_VALIDATION_FAILED, message, {
    reason,
    ...(limit === undefined ? {} : { limit }),
  });
}
