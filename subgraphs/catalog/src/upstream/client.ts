import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from '@lgsp/subgraph-kit';

export type CatalogClientOptions = Omit<UpstreamClientOptions, 'name'>;

/** The one upstream client of the catalog subgraph: the category service's REST/JSON API (`baseUrl` ends in `/api/v1`). */
export function createCatalogClient(options: CatalogClientOptions): UpstreamClient {
  return createUpstreamClient({ name: 'catalog', ...options });
}
