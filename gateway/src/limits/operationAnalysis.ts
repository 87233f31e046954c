import type { ExecutionArgs } from 'graphql';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import { analyzeOperation, type CostOptions, type OperationAnalysis } from './analyzeOperation.js';
import { schemaHintsOf } from './schemaHints.js';

export interface AnalysisOptions {
  live: () => ExecutableSupergraph;
  cost: CostOptions;
  /** TTLs from config by coordinate or type, over the schema's `@cacheControl`. */
  ttlSeconds: Record<string, number>;
}

const analyses = new WeakMap<object, { document: unknown; analysis: OperationAnalysis }>();

/**
 * The analysis of the operation executing in this GraphQL context, computed once and shared by the operation
 * limits, the cache and the cost quota (each batched operation has its own context).
 */
export function createOperationAnalyzer(options: AnalysisOptions) {
  return function analysisOf(args: ExecutionArgs): OperationAnalysis {
    const context = args.contextValue as object;
    const known = analyses.get(context);
    if (known !== undefined && known.document === args.document) return known.analysis;
    const hints = schemaHintsOf(options.live().document);
    const analysis = analyzeOperation({
      schema: args.schema,
      hints,
      options: options.cost,
      ttlOf: (key) =>
        Object.hasOwn(options.ttlSeconds, key) ? options.ttlSeconds[key] : hints.maxAge.get(key),
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues as Record<string, unknown> | undefined,
    });
    analyses.set(context, { document: args.document, analysis });
    return analysis;
  };
}

export type OperationAnalyzer = ReturnType<typeof createOperationAnalyzer>;
