import { auditInputFromAccess, readsPersonalData, sha256Hex, type AuditTrailApi } from '@lgsp/audit';
import { ErrorCode, httpStatusOf } from '@lgsp/schema';
import {
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Logger } from 'pino';
import { getAccessRecord } from '../accessRecord.js';
import { documentPersonalData, identifierValues, personalDataKindsOf } from '../audit/personalDataFacts.js';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import type { GatewayContext, GatewayPlugin } from '../gatewayContext.js';

export interface AuditOptions {
  /** The opened trail (`openAuditTrail(config.audit)`): `append` after each operation, `health` before it. */
  trail: Pick<AuditTrailApi, 'append' | 'health'>;
  /** The live supergraph: its `@personalData` kinds say which arguments and fields are identifiers. */
  live: () => ExecutableSupergraph;
  /** Requests to this path are audited (the GraphQL endpoint). */
  graphqlPath: string;
  /** Header echoed by useRequestId, read back from the response. */
  requestIdHeader: string;
  log: Logger;
}

/** What execution alone knows about one operation of a request. */
interface OperationFacts {
  index: number;
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  /** SHA-256 of the document text as sent. */
  documentHash: string;
  variables: Record<string, unknown> | null;
  personalVariables: string[];
  personalEntityKeys: { kind: string; value: string }[];
  errorCodes?: string[];
  subgraphs?: Set<string>;
}

interface RequestAudit {
  time: number;
  startedMs: number;
  operations: OperationFacts[];
  /** Codes of every error in the final result(s), after masking; unset when no result was produced. */
  resultCodes?: string[];
  /** The query text as sent, for operations refused before execution (their variables are not kept). */
  query?: string;
}

const audits = new WeakMap<Request, RequestAudit>();

const codesOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] =>
  (errors ?? []).map((error) => {
    const code = error.extensions?.['code'];
    return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
  });

function unavailable(reason: string | null): ExecutionResult {
  const message = 'The audit trail cannot record this read of personal data now; try again later';
  const extensions = {
    code: ErrorCode.AUDIT_UNAVAILABLE,
    reason: reason ?? 'audit unavailable',
    http: { status: 503 },
  };
  return { errors: [new GraphQLError(message, { extensions })] };
}

/** The response body as sent, without reading the stream twice (yoga's JSON responses carry a string body). */
function bodyOf(response: Response): string | null {
  const ponyfill = response as unknown as { bodyType?: string; bodyInit?: unknown };
  if (ponyfill.bodyType === 'String' && typeof ponyfill.bodyInit === 'string') return ponyfill.bodyInit;
  return response.body === null ? '' : null;
}

/**
 * Codes of a response refused before GraphQL ran (media type, size, rate limit: another plugin's `endResponse`).
 * Such bodies are small and rare, so reading them is affordable; otherwise the table's code for the status.
 */
function refusalCodes(status: number, body: string | null): string[] {
  try {
    const parsed = JSON.parse(body ?? '') as { errors?: { extensions?: Record<string, unknown> }[] };
    const codes = codesOf(parsed.errors);
    if (codes.length > 0) return codes;
  } catch {
    // not JSON: fall back to the status
  }
  const byStatus = Object.entries(httpStatusOf).find(([, s]) => s === status)?.[0];
  return [byStatus ?? ErrorCode.INTERNAL_SERVER_ERROR];
}

const documentHashes = new WeakMap<DocumentNode, string>();

/**
 * SHA-256 of the client's document text, once per parsed document (yoga's parse cache hands the same object to
 * every request with the same text; yoga parses with locations, so the text is at hand without re-printing).
 */
function documentHashOf(document: DocumentNode): string {
  let hash = documentHashes.get(document);
  if (hash === undefined) documentHashes.set(document, (hash = sha256Hex(document.loc?.source.body ?? '')));
  return hash;
}

function operationFacts(args: ExecutionArgs, index: number, live: ExecutableSupergraph): OperationFacts {
  const operation = getOperationAST(args.document, args.operationName);
  const personal = documentPersonalData(args.schema, args.document, personalDataKindsOf(live.document));
  const variables = (args.variableValues ?? null) as Record<string, unknown> | null;
  const personalEntityKeys = [...personal.literals];
  return {
    index,
    operationName: operation?.name?.value ?? null,
    operationType: operation?.operation ?? null,
    // yoga parses with locations: the client's own text, no re-printing per request.
    documentHash: documentHashOf(args.document),
    variables,
    personalVariables: [...personal.variables.keys()],
    personalEntityKeys,
  };
}

/**
 * One audit record per GraphQL operation (docs/audit.md), refusals included: a request refused by authentication
 * or authorization, or failing to parse or validate, is recorded too. Before execution, an operation that reads
 * personal data is refused with AUDIT_UNAVAILABLE (503) while the trail cannot make records durable (fail-closed;
 * the trail's `failMode` decides), and open data keeps flowing. `append` only enqueues: hashing and writing happen
 * off the request (docs/audit.md §3).
 *
 * Placed after the auth plugins (it reads their access record and decisions) and after limits and cache, so a
 * request they refuse is still recorded with their code. Identifier values are read from the execution result
 * before masking (by wrapping `execute`), so a masked read still finds the citizen it concerned.
 */
export function useAudit(options: AuditOptions): GatewayPlugin {
  const { trail, log } = options;
  return {
    onRequest({ request, url }) {
      if (url.pathname !== options.graphqlPath || request.method === 'OPTIONS') return;
      audits.set(request, { time: Date.now(), startedMs: performance.now(), operations: [] });
    },
    onParams({ request, params }) {
      const audit = audits.get(request);
      if (audit !== undefined && typeof params.query === 'string') audit.query = params.query;
    },
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue as GatewayContext;
      const audit = audits.get(context.request);
      if (audit === undefined) return;
      const access = getAccessRecord(context.request);
      // Authorization pushed this operation's entry just before (plugin order).
      const index = access ? access.operations.length - 1 : audit.operations.length;
      const facts = operationFacts(args, index, options.live());
      audit.operations.push(facts);
      facts.subgraphs = context.subgraphsCalled;
      if (readsPersonalData(access, index)) {
        const health = trail.health();
        if (!health.personalDataAllowed) {
          setResultAndStopExecution(unavailable(health.reason));
          facts.errorCodes = [ErrorCode.AUDIT_UNAVAILABLE];
          return;
        }
      }
      const responseKeys = documentPersonalData(
        args.schema,
        args.document,
        personalDataKindsOf(options.live().document),
      ).responseKeys;
      if (responseKeys.size > 0) {
        setExecuteFn(async (executionArgs) => {
          const result = await executeFn(executionArgs);
          if ('data' in result) identifierValues(result.data, responseKeys, facts.personalEntityKeys);
          return result;
        });
      }
      return {
        onExecuteDone({ result }) {
          if ('errors' in result || 'data' in result)
            facts.errorCodes ??= codesOf((result as ExecutionResult).errors);
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      // Subscriptions are gated like queries; their per-event records (kind subscriptionEvent) are not written yet.
      const context = args.contextValue as GatewayContext;
      const access = getAccessRecord(context.request);
      if (access === undefined || !readsPersonalData(access, access.operations.length - 1)) return;
      const health = trail.health();
      if (!health.personalDataAllowed) setResultAndStopExecution(unavailable(health.reason));
    },
    onResultProcess({ request, result }) {
      const audit = audits.get(request);
      if (audit === undefined) return;
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      audit.resultCodes = results.flatMap((r) => codesOf(r?.errors));
    },
    onResponse({ request, response }) {
      const audit = audits.get(request);
      if (audit === undefined) return;
      audits.delete(request);
      // GraphiQL's page (dev mode) is not an operation.
      if (response.headers.get('content-type')?.startsWith('text/html')) return;
      const access = getAccessRecord(request);
      const requestId = response.headers.get(options.requestIdHeader) ?? '';
      const durationMs = performance.now() - audit.startedMs;
      const body = bodyOf(response);
      const count = Math.max(audit.operations.length, access?.operations.length ?? 0, 1);
      for (let index = 0; index < count; index++) {
        const facts = audit.operations.find((op) => op.index === index);
        // One operation: the final result's codes (after masking and error recoding); a batch: each its own.
        let errorCodes =
          (count === 1 ? audit.resultCodes : facts?.errorCodes) ??
          facts?.errorCodes ??
          access?.refusals.map((refusal) => refusal.code) ??
          [];
        if (errorCodes.length === 0 && response.status >= 400)
          errorCodes = refusalCodes(response.status, body);
        try {
          trail.append(
            auditInputFromAccess(access, {
              requestId,
              operationIndex: index,
              time: audit.time,
              durationMs,
              errorCodes,
              response: body,
              ...(facts === undefined && audit.query !== undefined && { document: audit.query }),
              ...(facts && {
                operationName: facts.operationName,
                operationType: facts.operationType,
                documentHash: facts.documentHash,
                variables: facts.variables,
                personalVariables: facts.personalVariables,
                personalEntityKeys: facts.personalEntityKeys,
                subgraphs: facts.subgraphs ?? [],
              }),
            }),
          );
        } catch (error) {
          // append refuses only malformed input; the request was served, the fault is ours: say so loudly.
          log.error({ err: (error as Error).message, requestId }, 'audit record not appended');
        }
      }
    },
  };
}
