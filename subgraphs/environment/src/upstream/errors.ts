import { UpstreamError } from '@lgsp/subgraph-kit';

/** The monitoring system answered 2xx with a body we cannot use; the detail reaches logs only (through `cause`). */
export function malformedEnvironmentPayload(detail: string): UpstreamError {
  return new UpstreamError({ upstream: 'environment', reason: 'malformed', cause: new Error(detail) });
}
