import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from '@lgsp/subgraph-kit';

export type EnvironmentClientOptions = Omit<UpstreamClientOptions, 'name'>;

/** The one upstream client of the environment subgraph: the monitoring system's REST/JSON API (`…/api/v1`). */
export function createEnvironmentClient(options: EnvironmentClientOptions): UpstreamClient {
  return createUpstreamClient({ name: 'environment', ...options });
}
