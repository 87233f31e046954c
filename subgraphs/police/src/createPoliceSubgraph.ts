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
import type { PoliceConfig } from './config.js';
import { entityResolvers } from './resolvers/entityResolvers.js';
import { createQueryResolvers } from './resolvers/queryResolvers.js';
import { createPoliceClient } from './upstream/client.js';
import { createPoliceLoaders } from './upstream/loaders.js';

/** Read at start from the package directory, so it works from src/ (tests) and dist/ alike. */
export const policeSchemaPath = new URL('../schema.graphql', import.meta.url);

export interface PoliceSubgraphOptions {
  /** `false` serves only `executeOperation` (in-process tests). Default true. */
  listen?: boolean;
  /** Default: the kit's pino logger. */
  log?: SubgraphServerOptions<unknown>['log'];
  /** The clock that bounds `alerts(since)` to the last 7 days, in epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Accept only requests carrying the gateway's signed assertion (production). Default: none (open, dev/tests). */
  gatewayTrust?: GatewayTrustOptions;
}

export interface PoliceSubgraph extends SubgraphServer {
  /** The upstream client (its breaker state is useful to health checks). */
  upstream: UpstreamClient;
}

/** Starts the police subgraph over the police system's SOAP service. Nothing starts at import. */
export async function createPoliceSubgraph(
  config: PoliceConfig,
  options: PoliceSubgraphOptions = {},
): Promise<PoliceSubgraph> {
  const upstream = createPoliceClient(config.upstream);
  const server = await createSubgraphServer({
    name: 'police',
    port: config.port,
    host: config.host,
    listen: options.listen,
    log: options.log,
    gatewayTrust: options.gatewayTrust,
    typeDefs: readFileSync(policeSchemaPath, 'utf8'),
    createLoaders: ({ requestId }) => createPoliceLoaders(upstream, requestId),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      ...createQueryResolvers(upstream, options.now ?? Date.now),
      ...entityResolvers,
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
