import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isErrorCode } from '@lgsp/schema';
import { isUpstreamError } from '../upstream/upstreamErrors.js';

/** Apollo's own request-level codes that are not in our table, and what they mean in it. */
const apolloCodeAliases: Readonly<Record<string, ErrorCode>> = {
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
};

/** True when an error has no client-visible code of ours and must be masked (and logged once, where masked). */
export function isUnknownError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (isUpstreamError(original)) return false;
  const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && code in apolloCodeAliases) return false;
  return !isErrorCode(code) || code === ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Apollo `formatError` for every subgraph: upstream failures keep their code and safe message and gain
 * `extensions.subgraph` (and `upstream`); coded GraphQL errors pass; everything else is masked as
 * INTERNAL_SERVER_ERROR. Stack traces never leave.
 */
export function createFormatError(subgraph: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (isUpstreamError(original)) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, subgraph, upstream: original.upstream },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && code in apolloCodeAliases) {
      return { ...base, message: formatted.message, extensions: { code: apolloCodeAliases[code], subgraph } };
    }
    if (!isUnknownError(error)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions: { ...extensions, subgraph } };
    }
    return {
      ...base,
      message: 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, subgraph },
    };
  };
}
