import type { SubgraphContext, UpstreamClient } from '@lgsp/subgraph-kit';
import type { HealthLoaders } from '../upstream/loaders.js';

/** What the health resolvers receive: the kit's context with this request's loaders, and the upstream client. */
export type HealthContext = SubgraphContext<HealthLoaders> & { client: UpstreamClient };
