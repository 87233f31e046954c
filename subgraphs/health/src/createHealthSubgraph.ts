import { readFileSync } from 'node:fs';
import { createSubgraphServer, type GatewayTrustOptions, type SubgraphServer } from '@lgsp/subgraph-kit';
import { pino, type Logger } from 'pino';
import type { HealthConfig } from './config.js';
import { createResolvers } from './resolvers/createResolvers.js';
import { createHealthClient } from './upstream/client.js';
import { createHealthLoaders } from './upstream/loaders.js';

export interface HealthSubgraphOptions {
  /** Listen on `config.port`; false for in-process tests (`executeOperation`). Default true. */
  listen?: boolean;
  /** Default: pino at `config.logLevel`. */
  log?: Logger;
  /** Accept only requests carrying the gateway's signed assertion (production). Default: none (open, dev/tests). */
  gatewayTrust?: GatewayTrustOptions;
}

export type HealthSubgraph = SubgraphServer;

/** Read at start, relative to this file, so it works from src/ (tests) and dist/ alike. */
function readSchema(): string {
  return readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
}

/** Starts the health subgraph: Apollo Federation v2 over the Department of Health's registry. */
export async function createHealthSubgraph(
  config: HealthConfig,
  options: HealthSubgraphOptions = {},
): Promise<HealthSubgraph> {
  const log = options.log ?? pino({ name: 'subgraph-health', level: config.logLevel });
  const { upstream } = config;
  const client = createHealthClient({
    baseUrl: upstream.baseUrl,
    requestTimeoutMs: upstream.requestTimeoutMs,
    connectTimeoutMs: upstream.connectTimeoutMs,
    retries: upstream.retries,
    connections: upstream.connections,
    breaker: { failureThreshold: upstream.breakerFailureThreshold, openMs: upstream.breakerOpenMs },
    log,
  });
  const server = await createSubgraphServer({
    name: 'health',
    typeDefs: readSchema(),
    resolvers: createResolvers(),
    createLoaders: ({ requestId }) => createHealthLoaders(client, { requestId }),
    context: () => ({ client }),
    log,
    port: config.port,
    host: config.host,
    listen: options.listen,
    gatewayTrust: options.gatewayTrust,
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      await client.close();
    },
  };
}
