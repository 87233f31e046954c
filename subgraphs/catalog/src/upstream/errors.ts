import { UpstreamError } from '@lgsp/subgraph-kit';

/**
 * The category service answered 2xx with a body we cannot use. The detail goes to logs through `cause` only:
 * it may quote the upstream's payload.
 */
export function malformedCatalogPayload(detail: string): UpstreamError {
  return new UpstreamError({ upstream: 'catalog', reason: 'malformed', cause: new Error(detail) });
}
