import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getOperationAST,
  parse,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { Principal } from './gatewayPrincipal.js';

export interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface SubscriptionHandlerOptions<TContext> {
  schema: GraphQLSchema;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  context: (request: IncomingMessage, requestId: string, principal: Principal) => Promise<TContext>;
  log: Logger;
  /** Comment lines sent this often keep proxies from closing an idle stream. Default 15 000 ms. */
  keepAliveMs?: number;
}

/** The GraphQL params of a GET (query string) or POST (parsed JSON body) request. */
export function readGraphQLParams(method: string, search: URLSearchParams, body: unknown): GraphQLParams {
  if (method === 'GET') {
    const variables = search.get('variables');
    return {
      query: search.get('query') ?? undefined,
      variables: variables ? JSON.parse(variables) : undefined,
      operationName: search.get('operationName') ?? undefined,
    };
  }
  return typeof body === 'object' && body !== null ? (body as GraphQLParams) : {};
}

function parseSubscription(schema: GraphQLSchema, params: GraphQLParams): DocumentNode | undefined {
  if (typeof params.query !== 'string') return undefined;
  try {
    const document = parse(params.query);
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    if (getOperationAST(document, operationName)?.operation !== 'subscription') return undefined;
    return validate(schema, document).length === 0 ? document : undefined;
  } catch {
    return undefined;
  }
}

function format(result: ExecutionResult, formatError: SubscriptionHandlerOptions<unknown>['formatError']) {
  const errors = result.errors?.map((error: GraphQLError) => formatError(error.toJSON(), error));
  return { ...(result.data !== undefined ? { data: result.data } : {}), ...(errors ? { errors } : {}) };
}

/**
 * Serves a valid subscription operation as GraphQL over SSE (distinct-connections mode: `event: next` per
 * result, `event: complete` at the end), the transport @graphql-tools/executor-http uses for subscriptions.
 * Returns false for anything else (queries, invalid documents) so Apollo answers those with its usual errors.
 */
export function createSubscriptionHandler<TContext>(options: SubscriptionHandlerOptions<TContext>) {
  const open = new Set<ServerResponse>();
  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    params: GraphQLParams,
    requestId: string,
    principal: Principal,
  ): Promise<boolean> => {
    const document = parseSubscription(options.schema, params);
    if (!document) return false;
    const contextValue = await options.context(request, requestId, principal);
    const result = await subscribe({
      schema: options.schema,
      document,
      contextValue,
      variableValues: (params.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof params.operationName === 'string' ? params.operationName : undefined,
    });
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-request-id': requestId,
    });
    // Without this the client sees no headers until the first event, and may wait for minutes.
    response.flushHeaders();
    open.add(response);
    response.once('close', () => open.delete(response));
    const send = (value: ExecutionResult): boolean =>
      !response.writableEnded &&
      response.write(`event: next\ndata: ${JSON.stringify(format(value, options.formatError))}\n\n`);
    if (!(Symbol.asyncIterator in result)) {
      send(result);
    } else {
      const keepAlive = setInterval(
        () => !response.writableEnded && response.write(':\n\n'),
        options.keepAliveMs ?? 15_000,
      );
      keepAlive.unref();
      response.once('close', () => void result.return?.());
      try {
        for await (const value of result) send(value);
      } catch (error) {
        options.log.error({ err: error, requestId }, 'subscription stream failed');
      } finally {
        clearInterval(keepAlive);
      }
    }
    if (!response.writableEnded) response.end('event: complete\ndata:\n\n');
    return true;
  };
  /** Ends every open stream with `complete`, so that a server shutting down does not wait for subscribers. */
  const closeAll = (): void => {
    for (const response of open) response.end('event: complete\ndata:\n\n');
    open.clear();
  };
  return { handle, closeAll };
}
