import { createGraphQLError } from '@graphql-tools/utils';
import { ErrorCode } from '@lgsp/schema';
import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, type SelectionSetNode } from 'graphql';
import type { GatewayPlugin } from '../gatewayContext.js';

export interface DocumentLimitsOptions {
  /** Most lexical tokens a document may have (graphql-js `maxTokens`). */
  maxTokens: number;
  /** Deepest field nesting allowed, following fragment spreads. */
  maxDepth: number;
}

function refuse(message: string) {
  return createGraphQLError(message, {
    extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
  });
}

/** True when some path is deeper than `maxDepth`; recursion stops at the limit, so it cannot overflow the stack. */
function isTooDeep(document: DocumentNode, maxDepth: number): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const deeper = (set: SelectionSetNode, depth: number, seen: Set<string>): boolean => {
    if (depth > maxDepth) return true;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.selectionSet && deeper(s.selectionSet, depth + 1, seen)) return true;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (deeper(s.selectionSet, depth, seen)) return true;
      } else {
        const fragment = fragments.get(s.name.value);
        // A cycle is invalid anyway (validation reports it); stop following it here.
        if (!fragment || seen.has(s.name.value)) continue;
        if (deeper(fragment.selectionSet, depth, new Set(seen).add(s.name.value))) return true;
      }
    }
    return false;
  };
  return document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && deeper(d.selectionSet, 1, new Set()),
  );
}

/**
 * Refuses documents too large or too deep to handle safely, before validation and execution (which recurse per
 * nesting level). Results, refusals included, land in yoga's parse cache. Cost, rate and quota limits are separate
 * plugins (issue: limits).
 */
export function useDocumentLimits(options: DocumentLimitsOptions): GatewayPlugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, parseOptions) => {
        let document: DocumentNode;
        try {
          document = parse(source, { ...parseOptions, maxTokens: options.maxTokens });
        } catch (error) {
          if (error instanceof RangeError) throw refuse('Document is nested too deeply');
          throw error;
        }
        if (isTooDeep(document, options.maxDepth)) {
          throw refuse(`Document is nested deeper than ${options.maxDepth} levels`);
        }
        return document;
      });
    },
  };
}
