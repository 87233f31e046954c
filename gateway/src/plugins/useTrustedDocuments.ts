import { DECREE_194_ART_16 } from '../auth/accessRules.js';
import { ErrorCode } from '@lgsp/schema';
import type { GraphQLParams } from 'graphql-yoga';
import type { GatewayPlugin } from '../gatewayContext.js';
import { refusalError } from '../limits/refusals.js';
import { identityOf } from '../limits/requestIdentity.js';
import type { TrustedDocumentStore } from '../limits/trustedDocumentStore.js';

export interface TrustedDocumentsOptions {
  store: Pick<TrustedDocumentStore, 'get'>;
}

/** The hash a request names: Apollo's APQ shape (what the SDK sends) or GraphQL over HTTP's `documentId`. */
function requestedHash(params: GraphQLParams & { documentId?: unknown }): string | undefined {
  const persisted = (params.extensions?.['persistedQuery'] ?? undefined) as
    { sha256Hash?: unknown } | undefined;
  if (typeof persisted?.sha256Hash === 'string') return persisted.sha256Hash.toLowerCase();
  if (typeof params.documentId === 'string') return params.documentId.replace(/^sha256:/, '').toLowerCase();
  return undefined;
}

/**
 * Trusted (persisted) documents. A request naming a hash runs the manifest's text for it (an unknown hash: 400
 * `PERSISTED_QUERY_NOT_FOUND`, so the SDK may fall back to the text when its client may send text). A request
 * carrying its own text is refused with 403 `FORBIDDEN` when the registry says its client sends `trusted`
 * documents only. Hashes are never learned from requests: only the reviewed manifest defines them.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions): GatewayPlugin {
  return {
    onParams({ request, params, setParams, setResult }) {
      const identity = identityOf(request);
      const hash = requestedHash(params);
      if (hash !== undefined) {
        const document = options.store.get(hash);
        if (document === undefined) {
          // yoga's own parameter check runs after this hook and would answer "Must provide query string" first.
          setParams({ ...params, query: '{ __typename }' });
          const message = 'Persisted document not found';
          setResult({
            errors: [
              refusalError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, message, { reason: 'UNKNOWN_DOCUMENT' }),
            ],
          });
          return;
        }
        const { extensions: _extensions, ...rest } = params;
        setParams({ ...rest, query: document });
        return;
      }
      if (identity.operations === 'trusted' && identity.kind === 'client') {
        const message = `Client ${identity.clientId} may only send trusted documents (by hash), not document text`;
        setResult({
          errors: [
            refusalError(ErrorCode.FORBIDDEN, message, {
              reason: 'TRUSTED_DOCUMENTS_ONLY',
              legalBasis: DECREE_194_ART_16,
            }),
          ],
        });
      }
    },
  };
}
