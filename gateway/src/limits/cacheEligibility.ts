import { getOperationAST, OperationTypeNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import { operationAuthorizationOf } from '../plugins/useAuthorization.js';
import { cacheKeyOf, schemaIdOf } from './cacheKey.js';
import type { OperationAnalysis } from './analyzeOperation.js';
import { identityOf } from './requestIdentity.js';

export interface SharedAnswer {
  /** The cache/dedup key of this caller's operation. */
  key: string;
  request: Request;
  analysis: OperationAnalysis;
}

/**
 * Decides whether an operation's answer may be shared at all (by the cache or with an identical in-flight query):
 * only queries, only from a caller whose identity is known, never when it reads personal data unless configured.
 * Returns the key that separates callers who could see different answers.
 */
export function shareableAnswer(
  args: ExecutionArgs,
  options: {
    live: () => ExecutableSupergraph;
    analysisOf: (args: ExecutionArgs) => OperationAnalysis;
    personalData: boolean;
  },
): SharedAnswer | undefined {
  const context = args.contextValue as { request: Request; params?: { query?: string } };
  const query = context.params?.query;
  if (typeof query !== 'string') return undefined;
  if (getOperationAST(args.document, args.operationName)?.operation !== OperationTypeNode.QUERY)
    return undefined;
  const identity = identityOf(context.request);
  if (identity.kind === 'unauthenticated') return undefined;
  const analysis = options.analysisOf(args);
  const decided = operationAuthorizationOf(args.contextValue as object);
  // Removed fields come with errors; refused ones never execute. Either way nothing to share.
  if (decided !== undefined && decided.entry.decision !== 'allow') return undefined;
  const readsPersonalData = analysis.personalData.length > 0 || (decided?.entry.personalData.length ?? 0) > 0;
  if (readsPersonalData && !options.personalData) return undefined;
  const key = cacheKeyOf({
    schemaId: schemaIdOf(options.live().document),
    partition: identity.partition,
    query,
    operationName: args.operationName,
    variables: args.variableValues,
  });
  return { key, request: context.request, analysis };
}

export const isSingleResult = (result: unknown): result is ExecutionResult =>
  typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);

/** A result every caller of the same partition may receive: data and no errors. */
export const isShareable = (result: unknown): result is ExecutionResult =>
  isSingleResult(result) && !result.errors?.length && result.data != null;
