import { ErrorCode } from '@lgsp/schema';
import type { DocumentNode } from 'graphql';
import type { GatewayPlugin } from '../gatewayContext.js';
import { checkDocument, type DocumentLimits } from '../limits/checkDocument.js';
import type { OperationAnalyzer } from '../limits/operationAnalysis.js';
import { refusalResponse, violationError } from '../limits/refusals.js';

export interface OperationLimitsOptions extends DocumentLimits {
  /** Deepest nesting of list fields. */
  maxListNesting: number;
  /** Highest estimated cost of one operation. */
  maxCost: number;
  /** Most operations in one batched (JSON array) request. */
  maxBatchedOperations: number;
  analysisOf: OperationAnalyzer;
}

/**
 * Refuses hostile operations before anything expensive touches them, each with `GRAPHQL_VALIDATION_FAILED` (400)
 * and a precise `extensions.reason`:
 * - batches larger than `maxBatchedOperations`, as soon as the body is parsed;
 * - operations, aliases, directives per field, fragment cycles and root fields, right after parsing (tokens and
 *   depth are bounded by the parser before that) and before validation, whose overlapping-fields rule is
 *   quadratic in aliases; the refusal is cached with the parse;
 * - list nesting and estimated cost at execution (they need variables), before any subgraph is called.
 */
export function useOperationLimits(options: OperationLimitsOptions): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser === undefined) return;
      setRequestParser(async (request) => {
        const parsed = await requestParser(request);
        if (!Array.isArray(parsed) || parsed.length <= options.maxBatchedOperations) return parsed;
        const message = `Batch has ${parsed.length} operations; at most ${options.maxBatchedOperations} are allowed`;
        const extensions = { reason: 'TOO_MANY_BATCHED_OPERATIONS', limit: options.maxBatchedOperations };
        return refusalResponse(ErrorCode.GRAPHQL_VALIDATION_FAILED, message, extensions);
      });
    },
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result === null || result instanceof Error) return;
        const violation = checkDocument(result as DocumentNode, options);
        if (violation) replaceParseResult(violationError(violation));
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const analysis = options.analysisOf(args);
      if (analysis.listNesting > options.maxListNesting) {
        const message = `Lists are nested ${analysis.listNesting} deep; at most ${options.maxListNesting} are allowed`;
        const reason = 'LIST_NESTING_TOO_DEEP';
        setResultAndStopExecution({
          errors: [violationError({ reason, message, limit: options.maxListNesting })],
        });
      } else if (analysis.cost > options.maxCost) {
        const message = `Operation cost ${analysis.cost} is over the limit of ${options.maxCost}`;
        const reason = 'COST_LIMIT_EXCEEDED';
        setResultAndStopExecution({ errors: [violationError({ reason, message, limit: options.maxCost })] });
      }
    },
  };
}
