import { UpstreamError } from '@lgsp/subgraph-kit';

/** The upstream's name in errors (`Upstream system "health" …`), logs and `extensions.upstream`. */
export const UPSTREAM_NAME = 'health';

/** A payload that parsed but does not hold what was asked for (e.g. pages that never end). */
export function malformedPayload(cause: string): UpstreamError {
  return new UpstreamError({ upstream: UPSTREAM_NAME, reason: 'malformed', cause: new Error(cause) });
}
