import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AuthService } from './auth/createAuthService.js';
import type { GatewayConfig } from './config.js';
import { createMaskError } from './errors/createMaskError.js';
import type { ExecutableSupergraph } from './execution/buildExecutableSupergraph.js';
import type { GatewayContext, GatewayPlugin } from './gatewayContext.js';
import type { LimitsPlugins } from './limits/createLimitsPlugins.js';
import { usePlannedExecution } from './execution/usePlannedExecution.js';
import { useAccessLog } from './plugins/useAccessLog.js';
import { useAuthentication } from './plugins/useAuthentication.js';
import { useAuthorization } from './plugins/useAuthorization.js';
import { useDocumentLimits } from './plugins/useDocumentLimits.js';
import { useHealth } from './plugins/useHealth.js';
import { useMediaTypeGuard } from './plugins/useMediaTypeGuard.js';
import { useMetrics } from './plugins/useMetrics.js';
import { usePersonalDataMasking } from './plugins/usePersonalDataMasking.js';
import { useRequestId } from './plugins/useRequestId.js';
import { useTraceContext } from './plugins/useTraceContext.js';
import type { SupergraphManager } from './supergraph/createSupergraphManager.js';

export interface GatewayDependencies {
  /** The live supergraph (see createSupergraphManager); read once per request. */
  supergraph: SupergraphManager;
  /** Root logger. */
  log: Logger;
  /** Plugins added by later features (the audit), inserted last: they see a decided, limited request. */
  plugins?: GatewayPlugin[];
  /**
   * Partner traffic protection (createLimitsPlugins over `config.limits` and `config.cache`): its plugins go where
   * the order below says. Default: none (tests of the core; `startGateway` always passes them).
   */
  limits?: Pick<LimitsPlugins, 'beforeAuthentication' | 'afterAuthentication'>;
  /** False once shutdown began (readiness turns 503). Default: always accepting. */
  isAccepting?: () => boolean;
  /**
   * Picks the schema a request sees, from the live one (e.g. a per-principal contract: fields it may not read are
   * absent from validation and introspection). Called once per request. Default: the live schema.
   */
  schemaFor?: (live: ExecutableSupergraph, request: Request) => GraphQLSchema | Promise<GraphQLSchema>;
  /**
   * Identity and authorization (createAuthService over `config.auth`). Required unless `config.auth.mode` is `off`:
   * a gateway configured for auth never starts without it.
   */
  auth?: AuthService;
}

export type { GatewayPlugin };
export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * Config → ordered plugin list → yoga server. No I/O here: the caller owns the supergraph and the listener.
 *
 * Order, and why:
 * 1. useRequestId: first, so every later plugin, log line, subgraph call and response carries the id.
 * 2. useAccessLog: right after, so refused and health requests are logged too, with their final status.
 *    useTraceContext: next to the request id, so the per-request logger and every subgraph call carry the trace.
 * 3. useHealth: before any GraphQL work, so probes stay cheap and never need auth.
 *    useMetrics: serves /metrics without a token (as /healthz) and times requests from before auth, so refusals count.
 * 4. useMediaTypeGuard: refuses non-JSON bodies before yoga parses them (size, JSON syntax and GET-mutation
 *    refusals are yoga's own, recoded by createMaskError).
 * 5. useDocumentLimits: bounds tokens and depth at parse time, so nothing after it recurses on a hostile document.
 * 6. limits.beforeAuthentication (useCors, useCsrf): browser rules need nothing about the caller; a preflight is
 *    answered and a forged cross-site request refused before any token is verified. yoga's own CORS is off.
 * 7. useAuthentication (onRequestParse): token → principal → purpose before the body is read; refusals end here.
 * 8. useAuthorization (onExecute): field rules decided after validation, before any subgraph is called; then
 *    usePersonalDataMasking, whose onExecuteDone masks what execution returned. Both see the caller, not the
 *    document alone, so they run after yoga's per-document parse and validation caches.
 * 9. limits.afterAuthentication, in its own order (createLimitsPlugins): useRateLimit (the caller's bucket, before
 *    the body is read) → useTrustedDocuments → useOperationLimits → useResponseCache → useInflightDedup →
 *    useCostLimit. After authorization and masking in the list, so a cached answer is the masked answer of one
 *    contract and only operations authorization let through are costed.
 * 10. feature plugins (`plugins`: the audit, last; it reads the caller with getAccessRecord and sees every refusal
 *    above). Execution itself is the stitched schema, called through per-subgraph executors (wrapped by the limits'
 *    subgraph guard in createSupergraphManager).
 */
export function createGateway(config: GatewayConfig, deps: GatewayDependencies): Gateway {
  const { schemaFor, auth } = deps;
  if (config.auth.mode !== 'off' && auth === undefined) {
    throw new Error(`auth.mode is ${config.auth.mode}: createGateway needs the auth service`);
  }
  const live = () => deps.supergraph.current();
  const plugins: GatewayPlugin[] = [
    useRequestId({ header: config.requestIdHeader, log: deps.log }),
    useAccessLog({ log: deps.log, requestIdHeader: config.requestIdHeader }),
    useTraceContext(),
    useHealth({ probe: deps.supergraph.probe, isAccepting: deps.isAccepting ?? (() => true) }),
    ...(config.metrics.enabled
      ? [
          useMetrics({
            ...config.metrics,
            graphqlPath: config.server.graphqlPath,
            supergraph: deps.supergraph,
          }),
        ]
      : []),
    useMediaTypeGuard(),
    useDocumentLimits(config.server),
    ...(deps.limits?.beforeAuthentication ?? []),
    ...(auth && config.auth.mode !== 'off'
      ? [
          useAuthentication({ auth }),
          useAuthorization({ auth, live, realm: config.auth.realm }),
          usePersonalDataMasking({ auth }),
        ]
      : []),
    ...(deps.limits?.afterAuthentication ?? []),
    ...(deps.plugins ?? []),
    // Last: it only swaps the execute function, for operations the planner covers (config.execution.planner).
    ...(config.execution.planner ? [usePlannedExecution()] : []),
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
    // The limits' useCors answers preflights and allows only `limits.cors.allowedOrigins`; yoga's default would
    // allow every origin.
    cors: false,
    maskedErrors: { maskError: createMaskError(deps.log) },
    // yoga's own logger would print unmasked errors to the console; pino (above) is the one logger.
    logging: false,
    plugins,
  });
}
