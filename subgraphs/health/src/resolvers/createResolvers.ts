import type { SubgraphServerOptions } from '@lgsp/subgraph-kit';
import type { HealthLoaders } from '../upstream/loaders.js';
import {
  administrativeUnitResolvers,
  healthFacilityResolvers,
  valueTypeResolvers,
} from './entityResolvers.js';
import { queryResolvers } from './queryResolvers.js';

type ResolverMap = SubgraphServerOptions<HealthLoaders>['resolvers'];

/**
 * Every resolver of the health subgraph. They read `client` from the context too (added by the subgraph's
 * `context` option), which the kit's resolver-map type does not know: hence the one cast.
 */
export function createResolvers(): ResolverMap {
  return {
    Query: queryResolvers,
    HealthFacility: healthFacilityResolvers,
    AdministrativeUnit: administrativeUnitResolvers,
    ...valueTypeResolvers,
  } as unknown as ResolverMap;
}
