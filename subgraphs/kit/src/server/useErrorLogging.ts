import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isUpstreamError } from '../upstream/upstreamErrors.js';
import { isUnknownError } from './formatSubgraphError.js';

/**
 * Logs each error once, with the request's logger: upstream failures at `warn` (code, reason, status, attempts:
 * never the upstream body), errors that will be masked at `error` with their stack. Known client errors are not
 * logged: they are the client's business.
 */
export function useErrorLogging<TContext extends { log: Logger }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isUpstreamError(original)) {
              const { code, upstream, reason, status, attempts } = original;
              contextValue.log.warn({ code, upstream, reason, status, attempts }, 'upstream failure');
            } else if (isUnknownError(error)) {
              contextValue.log.error({ err: original, path: error.path }, 'masked internal error');
            }
          }
        },
      };
    },
  };
}
