import type { SubgraphContext } from '@lgsp/subgraph-kit';
import type { PoliceLoaders } from '../upstream/loaders.js';

/** What the police resolvers receive. */
export type PoliceContext = SubgraphContext<PoliceLoaders>;
