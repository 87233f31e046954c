import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentNode, FormattedExecutionResult, GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { pino, type Logger } from 'pino';
import { createFormatError } from './formatSubgraphError.js';
import { useErrorLogging } from './useErrorLogging.js';
import { resolveRequestId } from './requestId.js';
import { GatewayAssertionError } from '@lgsp/schema';
import { createAuthenticate, type GatewayTrustOptions, type Principal } from './gatewayPrincipal.js';
import { createHttpHandler, listenHttp, UNAUTHENTICATED_MESSAGE } from './serveHttp.js';
import { createSubscriptionHandler } from './serveSubscription.js';
import { defaultSubgraphMetrics, type SubgraphMetrics } from '../metrics/subgraphMetrics.js';
import { currentRequestScope, requestScopeOf, runInRequestScope } from '../requestScope.js';
import { withObservability } from './withObservability.js';

/** What every resolver receives. `TLoaders` is whatever the subgraph's `createLoaders` returns. */
export interface SubgraphContext<TLoaders = unknown> {
  /** From the incoming `x-request-id` (the gateway's) or generated; forward it to upstreams. */
  requestId: string;
  /** `log.child({ requestId, subgraph })`. */
  log: Logger;
  /** This request's DataLoaders: created fresh per request, so nothing is cached across requests. */
  loaders: TLoaders;
  headers: IncomingHttpHeaders;
  /** The caller as the gateway asserts it (scopes, purpose, client); `undefined` without `gatewayTrust`. */
  principal: Principal;
}

export interface RequestInfo {
  requestId: string;
  log: Logger;
  headers: IncomingHttpHeaders;
  principal: Principal;
}

export interface SubgraphServerOptions<TLoaders> {
  /** The subgraph's name (`health`); in logs and in `extensions.subgraph` of its errors. */
  name: string;
  /** Federation v2 SDL (with its `@link`), as a string or a parsed document. */
  typeDefs: string | DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<TLoaders>>;
  /** Creates the request's DataLoaders. Default: no loaders (`{}`). */
  createLoaders?: (request: RequestInfo) => TLoaders;
  /** Extra context fields, merged over the base context. Default none. */
  context?: (request: RequestInfo) => Record<string, unknown>;
  /** Default: pino at level `info` named `subgraph-<name>`. */
  log?: Logger;
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Listen on a port at all; `false` for in-process tests with `executeOperation`. Default true. */
  listen?: boolean;
  /** GraphQL endpoint path. Default `/graphql`. */
  path?: string;
  /** Largest request body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Extra fields for `GET /healthz`, e.g. `() => ({ upstream: client.breakerState().kind })`. Default none. */
  healthDetails?: () => Record<string, unknown>;
  /**
   * The gateway's public keys: when set, every GraphQL request (HTTP and `executeOperation`) must carry a valid
   * `x-lgsp-gateway-assertion` addressed to `name`, or it is refused with UNAUTHENTICATED. Default: not required
   * (dev and unit tests); production config sets it.
   */
  gatewayTrust?: GatewayTrustOptions;
  /** Prometheus metrics at `GET /metrics` (docs/observability.md). Default: enabled, the process's registry. */
  metrics?: {
    /** Default true. */
    enabled?: boolean;
    /** Default `/metrics`. */
    path?: string;
    /** Default `defaultSubgraphMetrics()`, which the upstream clients also report to. */
    registry?: SubgraphMetrics;
  };
}

export interface SubgraphServer {
  /** `http://host:port/graphql`, or undefined when not listening. */
  url: string | undefined;
  port: number | undefined;
  /** Runs an operation in-process, through the same context, error mapping and masking as HTTP requests. */
  executeOperation(
    request: GraphQLRequest,
    options?: { headers?: IncomingHttpHeaders },
  ): Promise<FormattedExecutionResult>;
  close(): Promise<void>;
}

function createApollo<TLoaders>(
  options: SubgraphServerOptions<TLoaders>,
  schema: GraphQLSchema,
  rootLog: Logger,
): ApolloServer<SubgraphContext<TLoaders>> {
  return new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: createFormatError(options.name),
    includeStacktraceInErrorResponses: false,
    logger: rootLog,
    plugins: [
      // Federated tracing (ftv1) is for Apollo's paid router; our gateway never asks for it.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      useErrorLogging(),
    ],
  });
}

/** Starts one Federation v2 subgraph (Apollo Server + buildSubgraphSchema) with the hub's conventions. */
export async function createSubgraphServer<TLoaders = Record<string, never>>(
  options: SubgraphServerOptions<TLoaders>,
): Promise<SubgraphServer> {
  const { name } = options;
  const rootLog = options.log ?? pino({ name: `subgraph-${name}` });
  const typeDefs = typeof options.typeDefs === 'string' ? gql(options.typeDefs) : options.typeDefs;
  const schema = buildSubgraphSchema([
    { typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> },
  ]);
  const apollo = createApollo(options, schema, rootLog);
  await apollo.start();

  const authenticate = createAuthenticate(name, options.gatewayTrust, rootLog);
  const buildContext = async (
    headers: IncomingHttpHeaders,
    requestId: string,
    principal: Principal,
  ): Promise<SubgraphContext<TLoaders>> => {
    const traceId = currentRequestScope()?.trace.traceId;
    const log = rootLog.child({ requestId, subgraph: name, ...(traceId ? { traceId } : {}) });
    const info: RequestInfo = { requestId, log, headers, principal };
    const loaders = options.createLoaders ? options.createLoaders(info) : ({} as TLoaders);
    return { requestId, log, headers, loaders, principal, ...options.context?.(info) };
  };

  const executeInScope = async (request: GraphQLRequest, headers: IncomingHttpHeaders) => {
    const requestId = currentRequestScope()?.requestId ?? resolveRequestId(headers['x-request-id']);
    let principal: Principal;
    try {
      principal = authenticate(headers, requestId);
    } catch (error) {
      if (!(error instanceof GatewayAssertionError)) throw error;
      return {
        errors: [
          { message: UNAUTHENTICATED_MESSAGE, extensions: { code: 'UNAUTHENTICATED', subgraph: name } },
        ],
      };
    }
    const contextValue = await buildContext(headers, requestId, principal);
    const response = await apollo.executeOperation(request, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here');
    return response.body.singleResult as FormattedExecutionResult;
  };
  // In-process calls get the same request scope as HTTP ones, so their upstream calls carry the id and the trace.
  const executeOperation: SubgraphServer['executeOperation'] = (request, { headers = {} } = {}) =>
    runInRequestScope(requestScopeOf(headers), executeInScope, request, headers);

  if (options.listen === false) {
    return { url: undefined, port: undefined, executeOperation, close: () => apollo.stop() };
  }
  const path = options.path ?? '/graphql';
  const subscriptions = createSubscriptionHandler({
    schema,
    formatError: createFormatError(name),
    context: (request, requestId, principal) => buildContext(request.headers, requestId, principal),
    log: rootLog,
  });
  const handler = createHttpHandler({
    apollo,
    path,
    subgraph: name,
    healthDetails: options.healthDetails,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    resolveRequestId: (request) =>
      currentRequestScope()?.requestId ?? resolveRequestId(request.headers['x-request-id']),
    context: (request, requestId, principal) => buildContext(request.headers, requestId, principal),
    authenticate: (request, requestId) => authenticate(request.headers, requestId),
    subscriptions: subscriptions.handle,
  });
  const metricsEnabled = options.metrics?.enabled ?? true;
  const observed = withObservability(handler, {
    subgraph: name,
    graphqlPath: path,
    metrics: metricsEnabled ? (options.metrics?.registry ?? defaultSubgraphMetrics()) : undefined,
    metricsPath: options.metrics?.path ?? '/metrics',
    log: rootLog,
  });
  const { server, host, port } = await listenHttp(
    observed,
    options.port ?? 0,
    options.host ?? '127.0.0.1',
    rootLog,
  );
  rootLog.info({ port }, 'subgraph listening');
  return {
    url: `http://${host}:${port}${path}`,
    port,
    executeOperation,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        subscriptions.closeAll();
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
