import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config.js';
import { createMaskError } from './errors/createMaskError.js';
import type { ExecutableSupergraph } from './execution/buildExecutableSupergraph.js';
import type { GatewayContext, GatewayPlugin } from './gatewayContext.js';
import { useAccessLog } from './plugins/useAccessLog.js';
import { useDocumentLimits } from './plugins/useDocumentLimits.js';
import { useHealth } from './plugins/useHealth.js';
import { useMediaTypeGuard } from './plugins/useMediaTypeGuard.js';
import { useRequestId } from './plugins/useRequestId.js';
import type { SupergraphManager } from './supergraph/createSupergraphManager.js';

export interface GatewayDependencies {
  /** The live supergraph (see createSupergraphManager); read once per request. */
  supergraph: SupergraphManager;
  /** Root logger. */
  log: Logger;
  /** Plugins added by later features (auth, limits, audit, cache), inserted where the list below says. */
  plugins?: GatewayPlugin[];
  /** False once shutdown began (readiness turns 503). Default: always accepting. */
  isAccepting?: () => boolean;
  /**
   * Picks the schema a request sees, from the live one (e.g. a per-principal contract: fields it may not read are
   * absent from validation and introspection). Called once per request. Default: the live schema.
   */
  schemaFor?: (live: ExecutableSupergraph, request: Request) => GraphQLSchema | Promise<GraphQLSchema>;
}

export type { GatewayPlugin };
export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * Config → ordered plugin list → yoga server. No I/O here: the caller owns the supergraph and the listener.
 *
 * Order, and why:
 * 1. useRequestId: first, so every later plugin, log line, subgraph call and response carries the id.
 * 2. useAccessLog: right after, so refused and health requests are logged too, with their final status.
 * 3. useHealth: before any GraphQL work, so probes stay cheap and never need auth.
 * 4. useMediaTypeGuard: refuses non-JSON bodies before yoga parses them (size, JSON syntax and GET-mutation
 *    refusals are yoga's own, recoded by createMaskError).
 * 5. useDocumentLimits: bounds tokens and depth at parse time, so nothing after it recurses on a hostile document.
 * 6. feature plugins (auth → limits → authz/contract/masking → cache → audit): they see a request with its id and
 *    run before execution; execution itself is the stitched schema, called through per-subgraph executors.
 */
export function createGateway(config: GatewayConfig, deps: GatewayDependencies): Gateway {
  const { schemaFor } = deps;
  const plugins: GatewayPlugin[] = [
    useRequestId({ header: config.requestIdHeader, log: deps.log }),
    useAccessLog({ log: deps.log, requestIdHeader: config.requestIdHeader }),
    useHealth({ probe: deps.supergraph.probe, isAccepting: deps.isAccepting ?? (() => true) }),
    useMediaTypeGuard(),
    useDocumentLimits(config.server),
    ...(deps.plugins ?? []),
  ];
  return createYoga<Record<string, unknown>, GatewayContext>({
    // A function, so a reload swaps the schema for new requests while in-flight ones keep theirs.
    schema: schemaFor
      ? ({ request }) => schemaFor(deps.supergraph.current(), request)
      : () => deps.supergraph.current().schema,
    graphqlEndpoint: config.server.graphqlPath,
    graphiql: config.dev,
    landingPage: false,
    healthCheckEndpoint: '/health',
    maxRequestBodySize: config.server.maxBodyBytes,
    multipart: false,
    maskedErrors: { maskError: createMaskError(deps.log) },
    // yoga's own logger would print unmasked errors to the console; pino (above) is the one logger.
    logging: false,
    plugins,
  });
}
