import {
  type Gateway,
  createGateway,
  createSupergraphManager,
  parseConfig,
  type SupergraphManager,
} from '@lgsp/gateway';
import type { GatewayConfigInput } from '@lgsp/gateway';
import { type Logger, pino } from 'pino';

export interface InProcessGateway {
  gateway: Gateway;
  supergraph: SupergraphManager;
  /** POSTs a GraphQL request to the gateway (no port) and returns status, headers and parsed body. */
  query(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Builds the gateway in-process over a supergraph file; tests talk to it with `gateway.fetch`. */
export async function createInProcessGateway(
  supergraphPath: string,
  extra: Partial<GatewayConfigInput> = {},
  log: Logger = pino({ level: 'silent' }),
): Promise<InProcessGateway> {
  const config = parseConfig({
    auth: { mode: 'off' },
    ...extra,
    supergraph: { watch: false, ...extra.supergraph, path: supergraphPath },
  });
  const supergraph = await createSupergraphManager(config, log);
  const gateway = createGateway(config, { supergraph, log });
  return {
    gateway,
    supergraph,
    async query(query, options = {}) {
      const response = await gateway.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLBody,
      };
    },
    close: () => supergraph.close(),
  };
}
