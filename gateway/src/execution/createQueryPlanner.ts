import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  print,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import {
  type FetchNode,
  groupSubgraphCalls,
  type PlanField,
  type SubgraphCall,
  UnprintablePlan,
} from './groupSubgraphCalls.js';
import type { PlannerMetadata } from './readPlannerMetadata.js';

/** The client's selection, to shape the merged subgraph data into the response (aliases, order, null bubbling). */
export interface Projection {
  key: string;
  /** `__typename` when the field is the meta field. */
  name: string;
  type: GraphQLOutputType;
  /** Object type name of a composite field, and its selection. */
  typeName: string | undefined;
  children: Projection[] | undefined;
  /** Values the public schema allows for an enum field (values hidden with @inaccessible are not among them). */
  enumValues: ReadonlySet<string> | undefined;
}

export interface QueryPlan {
  calls: SubgraphCall[];
  projection: Projection[];
  rootTypeName: string;
}

/** Anything outside the planner's subset; the caller then executes with stitching. */
class Unsupported extends Error {}

function fail(why: string): never {
  throw new Unsupported(why);
}

function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const v of value.values) variablesIn(v, into);
  else if (value.kind === Kind.OBJECT) for (const f of value.fields) variablesIn(f.value, into);
}

/** collectFields for an object type: response key → field nodes; directives and other type conditions are out. */
function collectFields(
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const set of sets) {
    for (const s of set.selections) {
      if (s.directives?.length) fail('directives');
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = into.get(key);
        if (list) list.push(s);
        else into.set(key, [s]);
        continue;
      }
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
      if (!fragment) fail('unknown fragment');
      const condition = fragment.typeCondition?.name.value;
      if (condition !== undefined && condition !== type.name) fail('type condition');
      collectFields(type, [fragment.selectionSet], fragments, into);
    }
  }
  return into;
}

interface Position {
  fetch: FetchNode;
  fields: PlanField[];
  path: readonly string[];
  provided: ReadonlySet<string>;
}

/**
 * Plans one operation over the supergraph: which subgraph resolves each field, the `_entities` calls that join
 * them (keys and `@requires` fields fetched first), their order, and the printed subgraph queries. Covers queries
 * over object types (entities with flat keys, `@requires`, `@provides`, fragments without directives); anything
 * else throws Unsupported.
 */
function planOperation(
  schema: GraphQLSchema,
  publicSchema: GraphQLSchema,
  meta: PlannerMetadata,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): QueryPlan {
  if (operation.operation !== OperationTypeNode.QUERY) fail('not a query');
  if (operation.directives?.length) fail('directives');
  const rootType = schema.getQueryType() ?? fail('no query type');
  const fetches: FetchNode[] = [];
  const byPlace = new Map<string, FetchNode>();

  /** `stage` separates a subgraph's @requires fetch from its plain one at the same place (it runs later). */
  function fetchAt(
    graph: string,
    entityType: string | undefined,
    path: readonly string[],
    stage = '',
  ): FetchNode {
    const place = `${graph}|${entityType ?? ''}|${path.join('.')}${stage}`;
    let fetch = byPlace.get(place);
    if (!fetch) {
      fetch = {
        graph,
        entityType,
        path,
        required: [],
        after: [],
        fields: [],
        variables: new Set(),
        requires: stage !== '',
      };
      byPlace.set(place, fetch);
      fetches.push(fetch);
    }
    return fetch;
  }

  function resolves(graph: string, type: string, field: string): boolean {
    const byGraph = meta.fields.get(`${type}.${field}`);
    if (byGraph) {
      const entry = byGraph.get(graph);
      return entry !== undefined && !entry.external;
    }
    return meta.types.get(type)?.has(graph) ?? false;
  }

  function graphsResolving(type: string, field: string): string[] {
    return [...(meta.types.get(type)?.keys() ?? [])].filter((g) => resolves(g, type, field));
  }

  /** `internal`: a key or required field the client did not select (no error is reported for it). */
  function addField(list: PlanField[], key: string, name: string, args: string, internal = false): PlanField {
    const existing = list.find((f) => f.key === key);
    if (existing) {
      if (existing.name !== name || existing.args !== args) fail('response key used twice');
      if (!internal) existing.internal = false;
      return existing;
    }
    const field: PlanField = { key, name, args, children: undefined, internal };
    list.push(field);
    return field;
  }

  /** Plans `key: name(args) { … }` on `type` at `at`; returns the fetch that resolves it. */
  function planField(at: Position, type: GraphQLObjectType, key: string, nodes: FieldNode[]): FetchNode {
    const name = nodes[0]!.name.value;
    const local = meta.fields.get(`${type.name}.${name}`)?.get(at.fetch.graph);
    // A field with @requires needs the required fields in a representation, so it is always an entity fetch.
    if (at.provided.has(name) || (resolves(at.fetch.graph, type.name, name) && !local?.requires.length)) {
      addResolvedField(at, type, key, nodes);
      return at.fetch;
    }
    // An entity hop: a subgraph resolves the field from the object's key.
    const candidates = graphsResolving(type.name, name).filter(
      (g) => (meta.types.get(type.name)?.get(g)?.keys.length ?? 0) > 0,
    );
    const target =
      candidates.find((g) => byPlace.has(`${g}|${type.name}|${at.path.join('.')}`)) ??
      candidates[0] ??
      fail('no subgraph can fetch the field by key');
    const keyFields = meta.types.get(type.name)!.get(target)!.keys[0]!;
    const requires = meta.fields.get(`${type.name}.${name}`)?.get(target)?.requires ?? [];
    const after = new Set<FetchNode>([at.fetch]);
    for (const k of keyFields) {
      if (!at.provided.has(k) && !resolves(at.fetch.graph, type.name, k)) fail('key not in parent subgraph');
      addLeaf(at, type, k);
    }
    for (const r of requires) after.add(planField(at, type, r, [syntheticField(r)]));
    const fetch = fetchAt(target, type.name, at.path, requires.length ? '|requires' : '');
    for (const f of after) if (f !== fetch && !fetch.after.includes(f)) fetch.after.push(f);
    for (const r of [...keyFields, ...requires]) if (!fetch.required.includes(r)) fetch.required.push(r);
    addResolvedField({ fetch, fields: fetch.fields, path: at.path, provided: new Set() }, type, key, nodes);
    return fetch;
  }

  function addLeaf(at: Position, type: GraphQLObjectType, name: string): void {
    const definition = type.getFields()[name] ?? fail('unknown key field');
    if (!isLeafType(getNamedType(definition.type))) fail('composite key field');
    addField(at.fields, name, name, '', true);
  }

  function addResolvedField(at: Position, type: GraphQLObjectType, key: string, nodes: FieldNode[]): void {
    const node = nodes[0]!;
    const name = node.name.value;
    if (meta.unsupportedTypes.has(type.name)) fail('type left to stitching');
    if (meta.unsupportedFields.has(`${type.name}.${name}`)) fail('nested field set');
    const definition = type.getFields()[name] ?? fail(`unknown field ${type.name}.${name}`);
    for (const a of node.arguments ?? []) variablesIn(a.value, at.fetch.variables);
    const args = node.arguments?.length ? `(${node.arguments.map((a) => print(a)).join(',')})` : '';
    const field = addField(at.fields, key, name, args, syntheticNodes.has(node));
    const named = getNamedType(definition.type);
    if (isLeafType(named)) return;
    if (!isObjectType(named)) fail('abstract type');
    field.children ??= [];
    const provides = meta.fields.get(`${type.name}.${name}`)?.get(at.fetch.graph)?.provides ?? [];
    const inner: Position = {
      fetch: at.fetch,
      fields: field.children,
      path: [...at.path, key],
      provided: new Set(provides),
    };
    const sets = nodes.map((n) => n.selectionSet ?? fail('composite field without selection'));
    for (const [childKey, childNodes] of collectFields(named, sets, fragments)) {
      if (childNodes[0]!.name.value === '__typename') addField(inner.fields, childKey, '__typename', '');
      else planField(inner, named, childKey, childNodes);
    }
  }

  function project(type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Projection[] {
    const out: Projection[] = [];
    for (const [key, nodes] of collectFields(type, sets, fragments)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        // The meta field has no definition on the type (so no `type`); `typeName` is its value.
        const meta = { type: undefined as never, children: undefined, enumValues: undefined };
        out.push({ key, name, typeName: type.name, ...meta });
        continue;
      }
      if (name.startsWith('__')) fail('introspection');
      const definition = type.getFields()[name] ?? fail('unknown field');
      const named = getNamedType(definition.type);
      const children = isObjectType(named)
        ? project(
            named,
            nodes.map((n) => n.selectionSet!),
          )
        : undefined;
      const publicType = publicSchema.getType(named.name);
      const enumValues = isEnumType(publicType)
        ? new Set(publicType.getValues().map((v) => v.name))
        : undefined;
      const typeName = isObjectType(named) ? named.name : undefined;
      out.push({ key, name, type: definition.type, typeName, children, enumValues });
    }
    return out;
  }

  const projection = project(rootType, [operation.selectionSet]);
  for (const [key, nodes] of collectFields(rootType, [operation.selectionSet], fragments)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') continue;
    const graphs = graphsResolving(rootType.name, name);
    const graph =
      graphs.find((g) => byPlace.has(`${g}||`)) ?? graphs[0] ?? fail(`no subgraph resolves Query.${name}`);
    const fetch = fetchAt(graph, undefined, []);
    addResolvedField({ fetch, fields: fetch.fields, path: [], provided: new Set() }, rootType, key, nodes);
  }
  assertAcyclic(fetches);
  const definitions = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, print(d)]));
  return { calls: groupSubgraphCalls(fetches, definitions), projection, rootTypeName: rootType.name };
}

/** Field nodes made for `@requires` fields, which the client did not select. */
const syntheticNodes = new WeakSet<FieldNode>();

function syntheticField(name: string): FieldNode {
  const node: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } };
  syntheticNodes.add(node);
  return node;
}

function assertAcyclic(fetches: FetchNode[]): void {
  const state = new Map<FetchNode, 'visiting' | 'done'>();
  const visit = (f: FetchNode): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'visiting') fail('cyclic fetch dependencies');
    state.set(f, 'visiting');
    f.after.forEach(visit);
    state.set(f, 'done');
  };
  fetches.forEach(visit);
}

export interface QueryPlanner {
  /** The cached plan of one operation, or undefined when it is outside the planner's subset. */
  planFor(document: DocumentNode, operationName: string | undefined | null): QueryPlan | undefined;
}

/**
 * Plans are cached per parsed document (yoga caches documents per query text, so a repeated operation with other
 * variables reuses its plan and the printed subgraph queries).
 */
export function createQueryPlanner(
  schema: GraphQLSchema,
  publicSchema: GraphQLSchema,
  meta: PlannerMetadata,
): QueryPlanner {
  const cache = new WeakMap<DocumentNode, Map<string, QueryPlan | null>>();
  return {
    planFor(document, operationName) {
      let byName = cache.get(document);
      if (!byName) cache.set(document, (byName = new Map()));
      const name = operationName ?? '';
      let plan = byName.get(name);
      if (plan === undefined) {
        plan = tryPlan(schema, publicSchema, meta, document, operationName);
        byName.set(name, plan);
      }
      return plan ?? undefined;
    },
  };
}

function tryPlan(
  schema: GraphQLSchema,
  publicSchema: GraphQLSchema,
  meta: PlannerMetadata,
  document: DocumentNode,
  operationName: string | undefined | null,
): QueryPlan | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || (!operationName && operations.length !== 1)) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  try {
    return planOperation(schema, publicSchema, meta, operation, fragments);
  } catch (error) {
    if (error instanceof Unsupported || error instanceof UnprintablePlan) return null;
    throw error;
  }
}
