import { type DirectiveNode, type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';

/** Where a type lives in one subgraph (`join__type`). */
export interface TypeInGraph {
  /** Flat `@key` field lists that the subgraph resolves (`resolvable: false` keys are left out). */
  keys: string[][];
}

/** How one subgraph treats a field (`join__field`). */
export interface FieldInGraph {
  external: boolean;
  /** Flat field names this subgraph needs on the parent before resolving the field (`@requires`). */
  requires: string[];
  /** Field names of the returned type this subgraph can also serve below this field (`@provides`, top level). */
  provides: string[];
}

/**
 * What the query planner needs from the supergraph's join__* directives. `unsupported` lists field sets the planner
 * cannot use (nested keys, requires or provides with selections): a plan that would need them falls back to
 * stitching.
 */
export interface PlannerMetadata {
  /** Type → join__Graph value → keys there. */
  types: Map<string, Map<string, TypeInGraph>>;
  /** `Type.field` → join__Graph value → how it is treated. Absent: every graph of the type resolves it. */
  fields: Map<string, Map<string, FieldInGraph>>;
  /** Interface objects, implementations of interfaces, union members: the planner leaves them to stitching. */
  unsupportedTypes: Set<string>;
  /** `Type.field` with a nested `@requires` or `@provides` field set: left to stitching. */
  unsupportedFields: Set<string>;
}

function arg(directive: DirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

/** Field names of a flat field set (`"id sku"`); undefined when it has nested selections or arguments. */
export function flatFieldSet(fields: string): string[] | undefined {
  let selectionSet: SelectionSetNode;
  try {
    selectionSet = (
      parse(`{${fields}}`, { noLocation: true }).definitions[0] as { selectionSet: SelectionSetNode }
    ).selectionSet;
  } catch {
    return undefined;
  }
  const names: string[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind !== Kind.FIELD || s.selectionSet || s.alias || s.arguments?.length) return undefined;
    names.push(s.name.value);
  }
  return names;
}

function readField(d: DirectiveNode, unsupported: () => void): FieldInGraph {
  const requires = arg(d, 'requires');
  const provides = arg(d, 'provides');
  const req = typeof requires === 'string' ? flatFieldSet(requires) : [];
  const prov = typeof provides === 'string' ? flatFieldSet(provides) : [];
  if (!req || !prov) unsupported();
  return { external: arg(d, 'external') === true, requires: req ?? [], provides: prov ?? [] };
}

export function readPlannerMetadata(ast: DocumentNode): PlannerMetadata {
  const meta: PlannerMetadata = {
    types: new Map(),
    fields: new Map(),
    unsupportedTypes: new Set(),
    unsupportedFields: new Set(),
  };
  for (const def of ast.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const typeName = def.name.value;
    for (const d of def.directives ?? []) {
      const graph = arg(d, 'graph');
      if (typeof graph !== 'string') continue;
      if (d.name.value === 'join__type') {
        let byGraph = meta.types.get(typeName);
        if (!byGraph) meta.types.set(typeName, (byGraph = new Map()));
        const entry = byGraph.get(graph) ?? { keys: [] };
        byGraph.set(graph, entry);
        const key = arg(d, 'key');
        if (arg(d, 'isInterfaceObject') === true) meta.unsupportedTypes.add(typeName);
        if (typeof key === 'string' && arg(d, 'resolvable') !== false) {
          const flat = flatFieldSet(key);
          if (flat) entry.keys.push(flat);
        }
      } else if (d.name.value === 'join__unionMember' || d.name.value === 'join__implements') {
        // Abstract types are planned by stitching (partial unions and interface objects need its extra logic).
        meta.unsupportedTypes.add(typeName);
      }
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      for (const d of field.directives ?? []) {
        if (d.name.value !== 'join__field') continue;
        const graph = arg(d, 'graph');
        if (typeof graph !== 'string') continue;
        let byGraph = meta.fields.get(coordinate);
        if (!byGraph) meta.fields.set(coordinate, (byGraph = new Map()));
        const entry = readField(d, () => meta.unsupportedFields.add(coordinate));
        // Overridden: still listed, no longer resolved there, so the planner must never pick that graph.
        if (arg(d, 'usedOverridden') === true) entry.external = true;
        byGraph.set(graph, entry);
      }
    }
  }
  return meta;
}
