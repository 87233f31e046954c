import { GraphQLError } from 'graphql';
import type { SubgraphContext, UpstreamClient } from '@lgsp/subgraph-kit';
import type { EnvironmentLoaders } from '../upstream/loaders.js';
import type { StationType } from '../upstream/mapping.js';
import { listStations } from '../upstream/stations.js';
import { readFirst } from './arguments.js';

type Context = SubgraphContext<EnvironmentLoaders>;

/** Station queries; the list passes the system's own cursor through (opaque to clients). */
export function createQueryResolvers(client: UpstreamClient) {
  return {
    Query: {
      monitoringStation: (_: unknown, args: { id: string }, ctx: Context) =>
        ctx.loaders.stationById.load(args.id),
      monitoringStations: async (
        _: unknown,
        args: {
          type?: StationType | null;
          unitCode?: string | null;
          first?: number | null;
          after?: string | null;
        },
        ctx: Context,
      ) => {
        const limit = readFirst(args.first, 50, 200);
        if (args.after !== null && args.after !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(args.after)) {
          throw new GraphQLError('after is not a cursor of this list', {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        const page = await listStations(
          client,
          { type: args.type ?? undefined, areaCodes: args.unitCode ? [args.unitCode] : undefined },
          { cursor: args.after ?? undefined, limit },
          ctx,
        );
        return { nodes: page.items, hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor };
      },
    },
  };
}
