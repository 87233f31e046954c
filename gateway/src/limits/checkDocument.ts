import { Kind, visit, type DocumentNode, type SelectionSetNode } from 'graphql';

export interface DocumentLimits {
  maxAliases: number;
  maxRootFields: number;
  maxDirectivesPerField: number;
  maxOperations: number;
}

/** Why a document is refused: `extensions.reason` (stable, for programs) and a message (for people). */
export interface DocumentViolation {
  reason:
    | 'TOO_MANY_OPERATIONS'
    | 'TOO_MANY_ALIASES'
    | 'TOO_MANY_DIRECTIVES'
    | 'TOO_MANY_ROOT_FIELDS'
    | 'FRAGMENT_CYCLE'
    | 'LIST_NESTING_TOO_DEEP'
    | 'COST_LIMIT_EXCEEDED';
  message: string;
  limit?: number;
}

/** Fragment names spread directly in a selection set (not following other fragments). */
function spreadsIn(set: SelectionSetNode, into: Set<string>): Set<string> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) into.add(selection.name.value);
    else if (selection.selectionSet) spreadsIn(selection.selectionSet, into);
  }
  return into;
}

/** The first fragment that reaches itself through spreads, iteratively (a hostile chain cannot overflow the stack). */
function findFragmentCycle(document: DocumentNode): string | undefined {
  const edges = new Map<string, Set<string>>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) edges.set(d.name.value, spreadsIn(d.selectionSet, new Set()));
  const state = new Map<string, 'active' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { name: string; next: Iterator<string> }[] = [
      { name: start, next: edges.get(start)!.values() },
    ];
    state.set(start, 'active');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const step = top.next.next();
      if (step.done) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const target = step.value;
      if (state.get(target) === 'active') return target;
      if (state.has(target) || !edges.has(target)) continue;
      state.set(target, 'active');
      stack.push({ name: target, next: edges.get(target)!.values() });
    }
  }
  return undefined;
}

/**
 * Root fields of the largest operation, following fragment spreads at the root. Runs after the cycle check; counts
 * per fragment are memoized, so fragments spreading each other twice over cannot make it exponential.
 */
function mostRootFields(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const memo = new Map<string, number>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((sum, s) => {
      if (s.kind === Kind.FIELD) return sum + 1;
      if (s.kind === Kind.INLINE_FRAGMENT) return sum + count(s.selectionSet);
      let n = memo.get(s.name.value);
      if (n === undefined) {
        const fragment = fragments.get(s.name.value);
        memo.set(s.name.value, 0);
        n = fragment ? count(fragment.selectionSet) : 0;
        memo.set(s.name.value, n);
      }
      return sum + n;
    }, 0);
  return Math.max(
    0,
    ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? count(d.selectionSet) : 0)),
  );
}

/**
 * Checks what can be decided from the document alone, in one pass plus a cycle search, before validation (whose
 * overlapping-fields rule is quadratic in aliases) or anything else walks it.
 */
export function checkDocument(document: DocumentNode, limits: DocumentLimits): DocumentViolation | undefined {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (operations > limits.maxOperations) {
    const message = `Document has ${operations} operations; at most ${limits.maxOperations} are allowed`;
    return { reason: 'TOO_MANY_OPERATIONS', message, limit: limits.maxOperations };
  }
  let aliases = 0;
  let directives = 0;
  visit(document, {
    enter(node) {
      if (node.kind === Kind.FIELD && node.alias) aliases += 1;
      if (
        node.kind === Kind.FIELD ||
        node.kind === Kind.FRAGMENT_SPREAD ||
        node.kind === Kind.INLINE_FRAGMENT
      )
        directives = Math.max(directives, node.directives?.length ?? 0);
    },
  });
  if (aliases > limits.maxAliases) {
    const message = `Document has ${aliases} aliases; at most ${limits.maxAliases} are allowed`;
    return { reason: 'TOO_MANY_ALIASES', message, limit: limits.maxAliases };
  }
  if (directives > limits.maxDirectivesPerField) {
    const message = `A field has ${directives} directives; at most ${limits.maxDirectivesPerField} are allowed`;
    return { reason: 'TOO_MANY_DIRECTIVES', message, limit: limits.maxDirectivesPerField };
  }
  const cycle = findFragmentCycle(document);
  if (cycle !== undefined) return { reason: 'FRAGMENT_CYCLE', message: `Fragment "${cycle}" spreads itself` };
  const rootFields = mostRootFields(document);
  if (rootFields > limits.maxRootFields) {
    const message = `Operation has ${rootFields} root fields; at most ${limits.maxRootFields} are allowed`;
    return { reason: 'TOO_MANY_ROOT_FIELDS', message, limit: limits.maxRootFields };
  }
  return undefined;
}
