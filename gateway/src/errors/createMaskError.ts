import { createGraphQLError } from '@graphql-tools/utils';
import { ErrorCode } from '@lgsp/schema';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

/** True when the error chain ends in a GraphQLError someone raised on purpose (not a crash wrapped by graphql-js). */
function isDeliberate(error: unknown): error is GraphQLError {
  let current: unknown = error;
  while (current instanceof GraphQLError) {
    if (current.originalError == null) return true;
    current = current.originalError;
  }
  return false;
}

/** HTTP-level refusals raised by yoga carry a status but no code; give them the table's code for that status. */
const codeOfStatus: Record<number, string> = {
  400: ErrorCode.BAD_REQUEST,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  406: ErrorCode.NOT_ACCEPTABLE,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/**
 * yoga's `maskedErrors.maskError`. Deliberate GraphQL errors (validation, subgraph errors tagged by the executor,
 * plugin refusals) pass with their code; anything else is an internal fault: logged once here, with its stack,
 * and replaced by a bare INTERNAL_SERVER_ERROR so nothing internal reaches the client.
 */
export function createMaskError(log: Logger) {
  return function maskError(error: unknown, message: string): Error {
    if (isDeliberate(error)) {
      const status = (error.extensions['http'] as { status?: number } | undefined)?.status;
      const code = status === undefined ? undefined : codeOfStatus[status];
      if (error.extensions['code'] !== undefined || code === undefined) return error;
      return createGraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...error.extensions, code },
      });
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    log.error(
      { err: original, path: error instanceof GraphQLError ? error.path : undefined },
      'masked internal error',
    );
    return createGraphQLError(message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(error instanceof GraphQLError && error.extensions['http']
          ? { http: error.extensions['http'] }
          : {}),
      },
    });
  };
}
