import { readFileSync } from 'node:fs';
import {
  createSubgraphServer,
  type GatewayTrustOptions,
  type SubgraphServer,
  type SubgraphServerOptions,
  type UpstreamClientOptions,
} from '@lgsp/subgraph-kit';
import { pino, type Logger } from 'pino';
import type { EgovConfig } from './config.js';
import { createEgovResolvers } from './resolvers/index.js';
import { createEgovClient } from './upstream/client.js';
import { createEgovLoaders, type EgovLoaders } from './upstream/loaders.js';

export interface EgovSubgraphOptions {
  /** Listen on `config.port`; false serves only `executeOperation` (in-process tests). Default true. */
  listen?: boolean;
  /** Default: pino at `config.logLevel`, named `subgraph-egov`. */
  log?: Logger;
  /** The clock of the default periods. Default `() => new Date()`. */
  now?: () => Date;
  /** Upstream client settings beyond the config (tests shorten backoff and breaker). Default none. */
  upstream?: Partial<Omit<UpstreamClientOptions, 'name' | 'baseUrl'>>;
  /** Accept only requests carrying the gateway's signed assertion (production). Default: none (open, dev/tests). */
  gatewayTrust?: GatewayTrustOptions;
}

export interface EgovSubgraph extends SubgraphServer {
  /** The circuit breaker's state of the egov upstream, for readiness reporting. */
  upstreamState(): ReturnType<ReturnType<typeof createEgovClient>['breakerState']>;
}

/** Read at start (not at import) from the package directory, so it works from src/ and dist/ alike. */
function readSchema(): string {
  return readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
}

/** The egov subgraph: one-stop-shop dossiers, the 766 service index and field reports over the egov upstream. */
export async function createEgovSubgraph(
  config: EgovConfig,
  options: EgovSubgraphOptions = {},
): Promise<EgovSubgraph> {
  const log = options.log ?? pino({ name: 'subgraph-egov', level: config.logLevel });
  const client = createEgovClient({
    baseUrl: config.upstream.baseUrl,
    connectTimeoutMs: config.upstream.connectTimeoutMs,
    requestTimeoutMs: config.upstream.requestTimeoutMs,
    retries: config.upstream.retries,
    connections: config.upstream.connections,
    headers: config.upstream.apiKey ? { 'x-api-key': config.upstream.apiKey } : undefined,
    log,
    ...options.upstream,
  });
  try {
    const server = await createSubgraphServer({
      name: 'egov',
      typeDefs: readSchema(),
      resolvers: createEgovResolvers({
        client,
        now: options.now ?? (() => new Date()),
      }) as unknown as SubgraphServerOptions<EgovLoaders>['resolvers'],
      createLoaders: ({ requestId }) => createEgovLoaders(client, { requestId }),
      log,
      gatewayTrust: options.gatewayTrust,
      port: config.port,
      host: config.host,
      listen: options.listen ?? true,
    });
    return {
      ...server,
      upstreamState: () => client.breakerState(),
      close: async () => {
        await server.close();
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
