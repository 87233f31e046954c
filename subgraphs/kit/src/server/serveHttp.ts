import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { GatewayAssertionError } from '@lgsp/schema';
import type { Principal } from './gatewayPrincipal.js';
import { readGraphQLParams, type GraphQLParams } from './serveSubscription.js';

/** The same refusal whatever the failure: the reason stays in the subgraph's log. */
export const UNAUTHENTICATED_MESSAGE = 'Request did not come through the gateway';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface ServeHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** GraphQL endpoint path. */
  path: string;
  maxBodyBytes: number;
  subgraph: string;
  healthDetails: (() => Record<string, unknown>) | undefined;
  /** Builds the per-request context from the incoming request and its verified principal. */
  context: (request: IncomingMessage, requestId: string, principal: Principal) => Promise<TContext>;
  /** Verifies the gateway's assertion; throws `GatewayAssertionError` to refuse the request with 401. */
  authenticate: (request: IncomingMessage, requestId: string) => Principal;
  resolveRequestId: (request: IncomingMessage) => string;
  /** Serves subscriptions over SSE; returns false when the request is not one. */
  subscriptions?: (
    request: IncomingMessage,
    response: ServerResponse,
    params: GraphQLParams,
    requestId: string,
    principal: Principal,
  ) => Promise<boolean>;
}

function wantsEventStream(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

function reply(response: ServerResponse, status: number, body: unknown, requestId?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'x-request-id': requestId } : {}),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A node:http handler: `GET /healthz`, and GraphQL over HTTP at `path` through Apollo's HTTP entry point. */
export function createHttpHandler<TContext extends BaseContext>(options: ServeHttpOptions<TContext>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') {
      return reply(response, 200, { status: 'ok', subgraph: options.subgraph, ...options.healthDetails?.() });
    }
    if (url.pathname !== options.path) return reply(response, 404, { error: 'not found' });
    const requestId = options.resolveRequestId(request);
    let principal: Principal;
    try {
      principal = options.authenticate(request, requestId);
    } catch (error) {
      if (!(error instanceof GatewayAssertionError)) throw error;
      const refusal = {
        message: UNAUTHENTICATED_MESSAGE,
        extensions: { code: 'UNAUTHENTICATED', subgraph: options.subgraph },
      };
      return reply(response, 401, { errors: [refusal] }, requestId);
    }
    const raw = await readBody(request, options.maxBodyBytes);
    if (raw === undefined) {
      return reply(
        response,
        413,
        { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
        requestId,
      );
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if (raw !== '' && (headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(
          response,
          400,
          { errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
          requestId,
        );
      }
    }
    if (options.subscriptions && wantsEventStream(request)) {
      let params: GraphQLParams | undefined;
      try {
        params = readGraphQLParams(request.method ?? 'GET', url.searchParams, body);
      } catch {
        params = undefined; // unreadable variables: Apollo below answers with the proper error
      }
      if (params && (await options.subscriptions(request, response, params, requestId, principal))) return;
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(request, requestId, principal),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.setHeader('x-request-id', requestId);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

/** Listens with a handler whose failures end the response instead of crashing the process. */
export async function listenHttp(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  port: number,
  hostname: string,
  log: Logger,
): Promise<{ server: Server; host: string; port: number }> {
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'subgraph http handler failed');
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, host, port: address.port };
}
