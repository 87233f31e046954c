import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { SchemaHints } from './schemaHints.js';

export interface CostOptions {
  /** Length assumed for a list without `@listSize` or slicing argument. */
  defaultListSize: number;
  /** Cost of a composite field without `@cost` (scalars cost 0). */
  objectFieldCost: number;
  /** Cost of each subgraph call the plan needs (one per subgraph per nesting level). */
  subgraphCallCost: number;
}

export interface OperationAnalysis {
  /** Estimated cost, before execution. */
  cost: number;
  /** Deepest nesting of list fields. */
  listNesting: number;
  /** Subgraph calls estimated (one per subgraph per nesting level: entity fetches are batched). */
  subgraphCalls: number;
  /** `@personalData` coordinates the operation reads. */
  personalData: string[];
  /** Smallest cache TTL hint among the fields read; undefined when none has one. */
  maxAgeSeconds: number | undefined;
  /** Whether some root field has no TTL hint (it then takes the configured default). */
  unhintedRootFields: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  hints: SchemaHints;
  options: CostOptions;
  /** TTL of a coordinate or type from config, over the schema's `@cacheControl`. */
  ttlOf: (key: string) => number | undefined;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Cost of a fragment at a level; a fragment spread many times over costs one walk per level. */
  memo: Map<string, number>;
  calls: Set<string>;
  personalData: Set<string>;
  listNesting: number;
  maxAge: number | undefined;
  unhintedRoot: boolean;
}

function listDepthOf(type: GraphQLOutputType): number {
  let depth = 0;
  for (let t = getNullableType(type); isListType(t); t = getNullableType(t.ofType)) depth += 1;
  return depth;
}

function numberValue(walk: Walk, field: FieldNode, def: GraphQLField<unknown, unknown>, name: string) {
  const node = field.arguments?.find((a) => a.name.value === name)?.value;
  let value: unknown = def.args.find((a) => a.name === name)?.defaultValue;
  if (node?.kind === Kind.INT) value = Number(node.value);
  else if (node?.kind === Kind.VARIABLE) value = walk.variables[node.name.value] ?? value;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/** Items one list field returns: the largest slicing argument sent, else `assumedSize`, else the default. */
function listLength(walk: Walk, field: FieldNode, def: GraphQLField<unknown, unknown>, coordinate: string) {
  const hint = walk.hints.listSize.get(coordinate);
  const sliced = (hint?.slicingArguments ?? [])
    .map((name) => numberValue(walk, field, def, name))
    .filter((n): n is number => n !== undefined);
  if (sliced.length > 0) return Math.max(...sliced);
  return hint?.assumedSize ?? walk.options.defaultListSize;
}

function noteCacheHint(walk: Walk, coordinate: string, typeName: string, isRoot: boolean): void {
  const ttl = walk.ttlOf(coordinate) ?? walk.ttlOf(typeName);
  if (ttl === undefined) {
    if (isRoot) walk.unhintedRoot = true;
    return;
  }
  walk.maxAge = walk.maxAge === undefined ? ttl : Math.min(walk.maxAge, ttl);
}

interface Level {
  parent: GraphQLCompositeType;
  /** The subgraph serving the parent object; undefined at the root. */
  graph: string | undefined;
  depth: number;
  lists: number;
  /** Connection fields (`nodes`, `items`) whose length was set by their parent's `@listSize`. */
  sized?: { fields: string[]; length: number };
}

function fieldCost(walk: Walk, field: FieldNode, level: Level, path: Set<string>): number {
  const name = field.name.value;
  if (name.startsWith('__') || !(isObjectType(level.parent) || isInterfaceType(level.parent))) return 0;
  const def = level.parent.getFields()[name];
  if (!def) return 0;
  const coordinate = `${level.parent.name}.${name}`;
  const named = getNamedType(def.type);
  if (walk.hints.personalData.has(coordinate)) walk.personalData.add(coordinate);
  noteCacheHint(walk, coordinate, named.name, level.depth === 0);

  const owners = walk.hints.fieldGraphs.get(coordinate) ?? walk.hints.typeGraphs.get(level.parent.name) ?? [];
  let graph = level.graph;
  if (owners.length > 0 && (graph === undefined || !owners.includes(graph))) {
    graph = owners[0]!;
    walk.calls.add(`${level.depth}:${graph}`);
  }
  let lists = listDepthOf(def.type);
  let length = lists > 0 ? listLength(walk, field, def, coordinate) ** lists : 1;
  if (level.sized?.fields.includes(name)) {
    lists = Math.max(lists, 1);
    length = level.sized.length;
  }
  walk.listNesting = Math.max(walk.listNesting, level.lists + lists);
  const weight =
    walk.hints.fieldCost.get(coordinate) ??
    walk.hints.typeCost.get(named.name) ??
    (isCompositeType(named) ? walk.options.objectFieldCost : 0);
  if (!field.selectionSet || !isCompositeType(named)) return length * weight;
  const sizedFields = walk.hints.listSize.get(coordinate)?.sizedFields;
  const child: Level = {
    parent: named,
    graph,
    depth: level.depth + 1,
    lists: level.lists + lists,
    ...(sizedFields
      ? { sized: { fields: sizedFields, length: listLength(walk, field, def, coordinate) } }
      : {}),
  };
  return Math.min(
    Number.MAX_SAFE_INTEGER,
    length * (weight + selectionCost(walk, field.selectionSet, child, path)),
  );
}

function selectionCost(walk: Walk, set: SelectionSetNode, level: Level, path: Set<string>): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, level, path);
      continue;
    }
    const fragment =
      selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
    // Cycles are refused by the operation limits; never follow one here.
    if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && path.has(selection.name.value))) continue;
    const condition = fragment.typeCondition
      ? walk.schema.getType(fragment.typeCondition.name.value)
      : level.parent;
    if (!condition || !isCompositeType(condition)) continue;
    const inner: Level = { ...level, parent: condition };
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += selectionCost(walk, fragment.selectionSet, inner, path);
      continue;
    }
    const key = JSON.stringify([
      selection.name.value,
      condition.name,
      level.graph,
      level.depth,
      level.lists,
      level.sized,
    ]);
    let cost = walk.memo.get(key);
    if (cost === undefined) {
      cost = selectionCost(walk, fragment.selectionSet, inner, new Set(path).add(selection.name.value));
      walk.memo.set(key, cost);
    }
    total += cost;
  }
  return Math.min(Number.MAX_SAFE_INTEGER, total);
}

export interface AnalyzeInput {
  schema: GraphQLSchema;
  hints: SchemaHints;
  options: CostOptions;
  ttlOf: (key: string) => number | undefined;
  document: DocumentNode;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

/**
 * Estimates an operation's cost before execution (IBM GraphQL cost spec, as Apollo's demand control reads it): a
 * field costs its `@cost` weight (composite fields 1, scalars 0 by default); a list multiplies what is under it by
 * its slicing argument, `@listSize(assumedSize)` or the default length; each subgraph call the plan needs adds a
 * fixed cost. The same walk measures list nesting, personal data read and the cache TTL.
 */
export function analyzeOperation(input: AnalyzeInput): OperationAnalysis {
  const operation = getOperationAST(input.document, input.operationName);
  const walk: Walk = {
    schema: input.schema,
    hints: input.hints,
    options: input.options,
    ttlOf: input.ttlOf,
    variables: input.variables ?? {},
    fragments: new Map(
      input.document.definitions.flatMap((d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
      ),
    ),
    memo: new Map(),
    calls: new Set(),
    personalData: new Set(),
    listNesting: 0,
    maxAge: undefined,
    unhintedRoot: false,
  };
  const root = operation ? input.schema.getRootType(operation.operation) : undefined;
  const fields =
    operation && root
      ? selectionCost(
          walk,
          operation.selectionSet,
          { parent: root, graph: undefined, depth: 0, lists: 0 },
          new Set(),
        )
      : 0;
  const cost = Math.min(Number.MAX_SAFE_INTEGER, fields + walk.calls.size * input.options.subgraphCallCost);
  return {
    cost,
    listNesting: walk.listNesting,
    subgraphCalls: walk.calls.size,
    personalData: [...walk.personalData],
    maxAgeSeconds: walk.maxAge,
    unhintedRootFields: walk.unhintedRoot,
  };
}
