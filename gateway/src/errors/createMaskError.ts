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

/** yoga's generic codes for HTTP refusals, replaced by the table's code for the status. */
const replaceableCodes = new Set<unknown>([undefined, 'BAD_REQUEST', 'REQUEST_ENTITY_TOO_LARGE']);

/**
 * yoga's `maskedErrors.maskError`. Deliberate GraphQL errors (validation, subgraph errors tagged by the executor,
 * plugin refusals) pass with their code; anything else is an internal fault: logged once here, with its stack,
 * and replaced by a bare INTERNAL_SERVER_ERROR so nothing internal reaches the client.
 */
export function createMaskError(log: Logger) {
  return function maskError(error: unknown, message: string): Error {
    if (isDeliberate(error)) {
      const { originalError, ...extensions } = error.extensions;
      const http = extensions['http'] as { status?: number; spec?: boolean } | undefined;
      const statusCode = http?.status === undefined ? undefined : codeOfStatus[http.status];
      const renamed = statusCode !== undefined && replaceableCodes.has(extensions['code']);
      // yoga attaches the parser's own error (with a slice of the body) as `originalError`: never sent.
      // `spec: true` would make yoga answer 200 to application/json clients; request errors keep their status.
      if (originalError === undefined && !renamed && !http?.spec) return error;
      if (http?.spec) extensions['http'] = { ...http, spec: false };
      return createGraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: renamed ? { ...extensions, code: statusCode } : extensions,
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
