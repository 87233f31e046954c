import { readFileSync } from 'node:fs';
import {
  DateScalar,
  DateTimeScalar,
  createSubgraphServer,
  type GatewayTrustOptions,
  type SubgraphServer,
  type SubgraphServerOptions,
  type UpstreamClient,
} from '@lgsp/subgraph-kit';
import type { EnvironmentConfig } from './config.js';
import { createQueryResolvers } from './resolvers/queryResolvers.js';
import { createReservoirResolvers } from './resolvers/reservoirResolvers.js';
import { stationResolvers } from './resolvers/stationResolvers.js';
import { unitResolvers } from './resolvers/unitResolvers.js';
import { createEnvironmentClient } from './upstream/client.js';
import { createEnvironmentLoaders } from './upstream/loaders.js';

/** Read at start from the package directory, so it works from src/ (tests) and dist/ alike. */
export const environmentSchemaPath = new URL('../schema.graphql', import.meta.url);

export interface EnvironmentSubgraphOptions {
  /** `false` serves only `executeOperation` (in-process tests). Default true. */
  listen?: boolean;
  /** Default: the kit's pino logger. */
  log?: SubgraphServerOptions<unknown>['log'];
  /** Accept only requests carrying the gateway's signed assertion (production). Default: none (open, dev/tests). */
  gatewayTrust?: GatewayTrustOptions;
  /** The clock deciding the "current hour" of VN-AQI. Default `Date.now`. */
  now?: () => number;
}

export interface EnvironmentSubgraph extends SubgraphServer {
  upstream: UpstreamClient;
}

/** Starts the environment subgraph over the monitoring system. Nothing starts at import. */
export async function createEnvironmentSubgraph(
  config: EnvironmentConfig,
  options: EnvironmentSubgraphOptions = {},
): Promise<EnvironmentSubgraph> {
  const upstream = createEnvironmentClient(config.upstream);
  const now = options.now ?? Date.now;
  const queries = createQueryResolvers(upstream);
  const reservoir = createReservoirResolvers(upstream);
  const server = await createSubgraphServer({
    name: 'environment',
    port: config.port,
    host: config.host,
    listen: options.listen,
    log: options.log,
    gatewayTrust: options.gatewayTrust,
    // Readiness probes see whether the upstream is being failed fast.
    healthDetails: () => ({ upstream: upstream.breakerState().kind }),
    typeDefs: readFileSync(environmentSchemaPath, 'utf8'),
    createLoaders: ({ requestId }) => createEnvironmentLoaders(upstream, requestId, now),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      Query: { ...queries.Query, ...reservoir.Query },
      Reservoir: reservoir.Reservoir,
      ...stationResolvers,
      ...unitResolvers,
    },
  });
  return {
    ...server,
    upstream,
    close: async () => {
      await server.close();
      await upstream.close();
    },
  };
}
