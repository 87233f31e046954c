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
import type { CatalogConfig } from './config.js';
import { agencyResolvers } from './resolvers/agencyResolvers.js';
import { createQueryResolvers } from './resolvers/queryResolvers.js';
import { unitResolvers } from './resolvers/unitResolvers.js';
import { createCatalogClient } from './upstream/client.js';
import { createCatalogLoaders } from './upstream/loaders.js';

/** Read at start from the package directory, so it works from src/ (tests) and dist/ alike. */
export const catalogSchemaPath = new URL('../schema.graphql', import.meta.url);

export interface CatalogSubgraphOptions {
  /** `false` serves only `executeOperation` (in-process tests). Default true. */
  listen?: boolean;
  /** Default: the kit's pino logger. */
  log?: SubgraphServerOptions<unknown>['log'];
  /** Accept only requests carrying the gateway's signed assertion (production). Default: none (open, dev/tests). */
  gatewayTrust?: GatewayTrustOptions;
}

export interface CatalogSubgraph extends SubgraphServer {
  /** The upstream client (its breaker state is useful to health checks). */
  upstream: UpstreamClient;
}

/** Starts the catalog subgraph over the category service. Nothing starts at import. */
export async function createCatalogSubgraph(
  config: CatalogConfig,
  options: CatalogSubgraphOptions = {},
): Promise<CatalogSubgraph> {
  const upstream = createCatalogClient(config.upstream);
  const server = await createSubgraphServer({
    name: 'catalog',
    port: config.port,
    host: config.host,
    listen: options.listen,
    log: options.log,
    gatewayTrust: options.gatewayTrust,
    // Readiness probes see whether the upstream is being failed fast.
    healthDetails: () => ({ upstream: upstream.breakerState().kind }),
    typeDefs: readFileSync(catalogSchemaPath, 'utf8'),
    createLoaders: ({ requestId }) => createCatalogLoaders(upstream, requestId),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      ...createQueryResolvers(upstream),
      ...unitResolvers,
      ...agencyResolvers,
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
