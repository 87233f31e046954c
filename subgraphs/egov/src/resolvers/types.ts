import type { SubgraphContext, UpstreamClient } from '@lgsp/subgraph-kit';
import type { EgovLoaders } from '../upstream/loaders.js';

/** What each resolver receives as context. */
export type EgovContext = SubgraphContext<EgovLoaders>;

/** What the resolvers are built with. */
export interface ResolverDependencies {
  client: UpstreamClient;
  /** The clock for default periods. */
  now: () => Date;
}
