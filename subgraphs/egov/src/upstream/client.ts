import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from '@lgsp/subgraph-kit';
import { UPSTREAM } from './mapping.js';

/** Settings of the one client to the egov upstream (everything but its name; see the kit's defaults). */
export type EgovClientOptions = Omit<UpstreamClientOptions, 'name'>;

/** The single upstream client of this subgraph: one keep-alive pool, timeouts, retries, circuit breaker. */
export function createEgovClient(options: EgovClientOptions): UpstreamClient {
  return createUpstreamClient({ ...options, name: UPSTREAM });
}
