import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  isUnionType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { readJoinMetadata } from './readJoinMetadata.js';

/**
 * Partial unions: a union whose members differ between subgraphs (`union Action = Common | OnlyA` in one,
 * `Common | OnlyB` in another). When the field returning it sits on a path that several subgraphs can serve
 * (a @shareable field reached through an entity, or a shared root field), the planner may take any of them,
 * so only the members common to all of them are safe to select; fields under the other members come back null.
 * This is what the federation-gateway-audit's `partial-union-complex` suite checks (and what query planners do).
 * Stitching alone selects every member the chosen subgraph knows, so we filter each outgoing subgraph document.
 *
 * Returns undefined when the supergraph has no partial union (nothing to do per request).
 */
export function createPartialUnionFilter(
  schema: GraphQLSchema,
  ast: DocumentNode,
): ((document: DocumentNode) => DocumentNode) | undefined {
  const meta = readJoinMetadata(ast);
  const safeMembers = new Map<string, (graphs: ReadonlySet<string>) => Set<string>>();
  for (const [union, byGraph] of meta.unionMembers) {
    const sets = [...byGraph.values()];
    const partial = sets.some((s) => s.size !== sets[0]!.size || [...s].some((m) => !sets[0]!.has(m)));
    if (!partial) continue;
    safeMembers.set(union, (graphs) => {
      let safe: Set<string> | undefined;
      for (const g of graphs) {
        const members = byGraph.get(g) ?? new Set<string>();
        safe = safe ? new Set([...safe].filter((m) => members.has(m))) : new Set(members);
      }
      return safe ?? new Set();
    });
  }
  if (safeMembers.size === 0) return undefined;

  /** Subgraphs that can resolve `parent.field` from where the path stands (`from`: undefined = anywhere). */
  function candidates(
    parent: string,
    field: string,
    from: ReadonlySet<string> | undefined,
  ): ReadonlySet<string> {
    const defining =
      meta.fieldGraphs.get(`${parent}.${field}`) ?? meta.typeGraphs.get(parent) ?? new Set<string>();
    // An entity can be re-fetched in any subgraph that has the field; otherwise the path stays where it is.
    if (from === undefined || meta.entities.has(parent)) return defining;
    const kept = new Set([...defining].filter((g) => from.has(g)));
    return kept.size > 0 ? kept : defining;
  }

  function filterSelections(
    selectionSet: SelectionSetNode,
    type: GraphQLCompositeType,
    from: ReadonlySet<string> | undefined,
    fragments: Map<string, FragmentDefinitionNode>,
    unionSafe: Set<string> | undefined,
  ): SelectionSetNode {
    const out: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        out.push(filterField(selection, type, from, fragments));
        continue;
      }
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : fragments.get(selection.name.value)?.typeCondition.name.value;
      if (unionSafe && condition !== undefined && condition !== type.name && !unionSafe.has(condition))
        continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = condition ? schema.getType(condition) : type;
        if (!inner || !isCompositeType(inner)) {
          out.push(selection);
          continue;
        }
        const selectionSet = filterSelections(selection.selectionSet, inner, from, fragments, undefined);
        out.push({ ...selection, selectionSet });
      } else out.push(selection);
    }
    if (out.length === 0) out.push({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } });
    return { ...selectionSet, selections: out };
  }

  function filterField(
    field: FieldNode,
    parent: GraphQLCompositeType,
    from: ReadonlySet<string> | undefined,
    fragments: Map<string, FragmentDefinitionNode>,
  ): FieldNode {
    if (!field.selectionSet || isUnionType(parent)) return field;
    if (field.name.value === '_entities') return filterEntities(field, fragments);
    const definition = parent.getFields()[field.name.value];
    if (!definition) return field;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return field;
    const next = candidates(parent.name, field.name.value, from);
    const safe = next && next.size > 1 ? safeMembers.get(type.name)?.(next) : undefined;
    return { ...field, selectionSet: filterSelections(field.selectionSet, type, next, fragments, safe) };
  }

  /** `_entities` starts a fresh path: its fragments are on entity types, which any subgraph may resolve. */
  function filterEntities(field: FieldNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode {
    const selections = field.selectionSet!.selections.map((selection) => {
      if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) return selection;
      const type = schema.getType(selection.typeCondition.name.value);
      if (!type || !isCompositeType(type)) return selection;
      return {
        ...selection,
        selectionSet: filterSelections(selection.selectionSet, type, undefined, fragments, undefined),
      };
    });
    return { ...field, selectionSet: { ...field.selectionSet!, selections } };
  }

  return function filterPartialUnions(document: DocumentNode): DocumentNode {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    return {
      ...document,
      definitions: document.definitions.map((definition) => {
        if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
        const root = schema.getRootType(definition.operation);
        if (!root || !isObjectType(root)) return definition;
        const selectionSet = filterSelections(definition.selectionSet, root, undefined, fragments, undefined);
        return { ...definition, selectionSet };
      }),
    };
  };
}
