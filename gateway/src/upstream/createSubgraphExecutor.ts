import { createGraphQLError, type ExecutionRequest, type Executor } from '@graphql-tools/utils';
import { childTraceparent, ErrorCode, TRACEPARENT_HEADER, TRACESTATE_HEADER } from '@lgsp/schema';
import {
  type ExecutionResult,
  getOperationAST,
  type GraphQLFormattedError,
  OperationTypeNode,
} from 'graphql';
import type { Pool } from 'undici';
import { asGatewayContext } from '../gatewayContext.js';
import { printDocument } from './printDocument.js';
import {
  classifyTransportError,
  tagSubgraphError,
  upstreamFailureError,
  type UpstreamFailure,
} from './upstreamErrors.js';

export interface SubgraphExecutorOptions {
  /** Subgraph name as written in the supergraph (`join__graph(name:)`); appears in `extensions.subgraph`. */
  name: string;
  /** Full URL of the subgraph's GraphQL endpoint. */
  url: string;
  /** Keep-alive pool for the URL's origin (shared across schema reloads). */
  pool: Pool;
  /** Deadline for the whole call, headers and body. */
  timeoutMs: number;
  /** Lower-case client header names copied to the subgraph call. */
  forwardHeaders: readonly string[];
  /** Header carrying the request id. */
  requestIdHeader: string;
  /** Largest subgraph response body read; a larger one is cut off and answered UPSTREAM_ERROR. */
  maxResponseBytes: number;
  /**
   * Called once after every subgraph HTTP call with its outcome and duration (metrics). One function for all calls,
   * so nothing is allocated per request for it; it must not throw. Default: none.
   */
  onCall?: (report: SubgraphCallReport) => void;
}

/** One subgraph HTTP call, as reported to `onCall`. */
export interface SubgraphCallReport {
  subgraph: string;
  /**
   * `ok`: a GraphQL response without errors; `graphql_error`: a response with errors; `failure`: no usable response
   * (transport, timeout, HTTP error, not GraphQL); `aborted`: the client went away first.
   */
  outcome: 'ok' | 'graphql_error' | 'failure' | 'aborted';
  /** The failure's UPSTREAM_* code, or the code of the first error a subgraph returned. */
  code?: string;
  durationSeconds: number;
}

interface CallOutcome {
  result?: ExecutionResult;
  failure?: UpstreamFailure;
  detail?: string;
  /** Not the subgraph's fault (the client disconnected): logged at debug only. */
  quiet?: boolean;
}

/**
 * One deadline for the whole call (undici's headersTimeout/bodyTimeout would each allow the full time), also ended
 * when the client disconnects, so a gone client does not keep subgraph work and sockets busy until the timeout.
 */
function createCallDeadline(timeoutMs: number, clientSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  let clientGone = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onClientAbort = () => {
    clientGone = true;
    controller.abort();
  };
  if (clientSignal?.aborted) onClientAbort();
  else clientSignal?.addEventListener?.('abort', onClientAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clientGone: () => clientGone,
    dispose() {
      clearTimeout(timer);
      clientSignal?.removeEventListener?.('abort', onClientAbort);
    },
  };
}

function buildHeaders(options: SubgraphExecutorOptions, request: ExecutionRequest): Record<string, string> {
  const ctx = asGatewayContext(request.context);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const incoming = ctx.request?.headers;
  if (incoming) {
    for (const name of options.forwardHeaders) {
      const value = incoming.get(name);
      if (value !== null) headers[name] = value;
    }
  }
  if (ctx.subgraphHeaders) Object.assign(headers, ctx.subgraphHeaders);
  const perSubgraph = ctx.subgraphHeadersFor?.(options.name);
  if (perSubgraph) Object.assign(headers, perSubgraph);
  if (ctx.requestId) headers[options.requestIdHeader] = ctx.requestId;
  // After the forwarded headers: a client's own `traceparent` reaches subgraphs only as validated by useTraceContext.
  if (ctx.traceContext) {
    headers[TRACEPARENT_HEADER] = childTraceparent(ctx.traceContext);
    if (ctx.traceContext.traceState) headers[TRACESTATE_HEADER] = ctx.traceContext.traceState;
    else delete headers[TRACESTATE_HEADER];
  }
  return headers;
}

function toGraphQLError(formatted: GraphQLFormattedError) {
  return createGraphQLError(formatted.message, {
    extensions: formatted.extensions,
    path: formatted.path as (string | number)[] | undefined,
  });
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/** Reads the body up to `maxBytes`; undefined (and the socket dropped) when it is larger. */
async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

async function callSubgraph(
  options: SubgraphExecutorOptions,
  path: string,
  request: ExecutionRequest,
): Promise<CallOutcome> {
  const body = JSON.stringify({
    // Stitching builds a new document per delegation (printed here); query plans' documents carry their text.
    query: printDocument(request.document),
    variables: request.variables,
    operationName: request.operationName,
    extensions: request.extensions && Object.keys(request.extensions).length ? request.extensions : undefined,
  });
  const deadline = createCallDeadline(options.timeoutMs, asGatewayContext(request.context).request?.signal);
  try {
    const response = await options.pool.request({
      path,
      method: 'POST',
      headers: buildHeaders(options, request),
      body,
      signal: deadline.signal,
    });
    const text = await readLimited(response.body, options.maxResponseBytes);
    if (text === undefined) {
      return { failure: ErrorCode.UPSTREAM_ERROR, detail: `response over ${options.maxResponseBytes} bytes` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { failure: ErrorCode.UPSTREAM_ERROR, detail: `non-JSON response, HTTP ${response.statusCode}` };
    }
    if (!isExecutionResult(parsed)) {
      return {
        failure: ErrorCode.UPSTREAM_ERROR,
        detail: `not a GraphQL response, HTTP ${response.statusCode}`,
      };
    }
    const hasErrors = Array.isArray(parsed.errors) && parsed.errors.length > 0;
    if (response.statusCode >= 400 && !hasErrors) {
      return { failure: ErrorCode.UPSTREAM_ERROR, detail: `HTTP ${response.statusCode}` };
    }
    return { result: parsed };
  } catch (error) {
    if (deadline.clientGone())
      return { failure: ErrorCode.UPSTREAM_ERROR, detail: 'client went away', quiet: true };
    const failure = deadline.timedOut() ? ErrorCode.UPSTREAM_TIMEOUT : classifyTransportError(error);
    return { failure, detail: (error as { code?: string }).code ?? (error as Error).name };
  } finally {
    deadline.dispose();
  }
}

function reportOf(subgraph: string, outcome: CallOutcome, elapsedMs: number): SubgraphCallReport {
  const durationSeconds = elapsedMs / 1000;
  if (outcome.failure) {
    const kind = outcome.quiet ? 'aborted' : 'failure';
    return { subgraph, outcome: kind, code: outcome.failure, durationSeconds };
  }
  const first = outcome.result?.errors?.[0];
  if (first === undefined) return { subgraph, outcome: 'ok', durationSeconds };
  const code = tagSubgraphError(subgraph, first).extensions?.['code'] as string | undefined;
  return { subgraph, outcome: 'graphql_error', ...(code === undefined ? {} : { code }), durationSeconds };
}

/**
 * An executor for one subgraph over a keep-alive undici pool. It never throws: every failure becomes a result with
 * one error carrying `extensions.code` (UPSTREAM_*) and `extensions.subgraph`, so the stitched execution keeps the
 * data other subgraphs gave. Upstream bodies are never put in errors or logs.
 */
export function createSubgraphExecutor(options: SubgraphExecutorOptions): Executor {
  const url = new URL(options.url);
  const path = url.pathname + url.search;
  return async function subgraphExecutor(request: ExecutionRequest): Promise<ExecutionResult> {
    const ctx = asGatewayContext(request.context);
    const operation = getOperationAST(request.document, request.operationName);
    if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      const message = 'Subscriptions are not supported yet';
      return { errors: [createGraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST } })] };
    }
    ctx.subgraphsCalled?.add(options.name);
    const startedMs = performance.now();
    const outcome = await callSubgraph(options, path, request);
    const elapsedMs = performance.now() - startedMs;
    const durationMs = Math.round(elapsedMs * 10) / 10;
    options.onCall?.(reportOf(options.name, outcome, elapsedMs));
    if (outcome.failure) {
      ctx.log?.[outcome.quiet ? 'debug' : 'warn'](
        { subgraph: options.name, code: outcome.failure, detail: outcome.detail, durationMs },
        'subgraph call failed',
      );
      return { data: null, errors: [toGraphQLError(upstreamFailureError(options.name, outcome.failure))] };
    }
    const result = outcome.result!;
    if (ctx.log?.isLevelEnabled('debug')) {
      ctx.log.debug(
        { subgraph: options.name, durationMs, errors: result.errors?.length ?? 0 },
        'subgraph call',
      );
    }
    if (!result.errors?.length) return result;
    return { ...result, errors: result.errors.map((e) => toGraphQLError(tagSubgraphError(options.name, e))) };
  } as Executor;
}
