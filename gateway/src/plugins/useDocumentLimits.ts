import { createGraphQLError } from '@graphql-tools/utils';
import { ErrorCode } from '@lgsp/schema';
import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';
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

/** What one definition contributes: its own field height and the fragments it spreads, with their offsets. */
interface DefinitionShape {
  /** Levels of selection sets in the definition itself, fragments not followed (at least 1). */
  height: number;
  /** Fragment spreads, with the number of field levels above them in this definition. */
  spreads: { name: string; offset: number }[];
}

/**
 * One walk over a definition's own selections. Recursion follows its field nesting only (which the parser already
 * bounded) and stops past `maxDepth`.
 */
function shapeOf(set: SelectionSetNode, maxDepth: number): DefinitionShape {
  const shape: DefinitionShape = { height: 1, spreads: [] };
  const walk = (current: SelectionSetNode, level: number): void => {
    shape.height = Math.max(shape.height, level);
    if (level > maxDepth) return;
    for (const s of current.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.selectionSet) walk(s.selectionSet, level + 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, level);
      else shape.spreads.push({ name: s.name.value, offset: level - 1 });
    }
  };
  walk(set, 1);
  return shape;
}

/** A definition's height with its spread fragments' heights added at their offsets. */
function reach(shape: DefinitionShape, heightOf: (name: string) => number): number {
  let height = shape.height;
  for (const s of shape.spreads) height = Math.max(height, s.offset + heightOf(s.name));
  return height;
}

/**
 * True when some path is deeper than `maxDepth`, following fragment spreads. Each fragment's height is computed
 * once (memoized, in dependency order, without recursion across fragments), so the check is linear in the size of
 * the document: a fragment spread many times is not walked again each time (which made fragments that each spread
 * the next one twice cost 2^n). A cycle is invalid anyway (validation reports it); its back edge counts 0 here.
 */
function isTooDeep(document: DocumentNode, maxDepth: number): boolean {
  const shapes = new Map<string, DefinitionShape>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION && !shapes.has(d.name.value))
      shapes.set(d.name.value, shapeOf(d.selectionSet, maxDepth));
  const heights = new Map<string, number>();
  const inProgress = new Set<string>();
  const heightOf = (name: string) => heights.get(name) ?? 0;
  // Iterative post-order over the spread graph: a long chain of fragments cannot overflow the stack.
  const resolve = (root: string): void => {
    const stack = [root];
    while (stack.length > 0) {
      const name = stack.at(-1)!;
      const shape = shapes.get(name);
      if (!shape || heights.has(name)) {
        stack.pop();
        continue;
      }
      if (!inProgress.has(name)) {
        inProgress.add(name);
        for (const s of shape.spreads)
          if (!heights.has(s.name) && !inProgress.has(s.name)) stack.push(s.name);
        continue;
      }
      stack.pop();
      inProgress.delete(name);
      heights.set(name, Math.min(reach(shape, heightOf), maxDepth + 1));
    }
  };
  for (const name of shapes.keys()) resolve(name);
  return document.definitions.some((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return false;
    return reach(shapeOf(d.selectionSet, maxDepth), heightOf) > maxDepth;
  });
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
