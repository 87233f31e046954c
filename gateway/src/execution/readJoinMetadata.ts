import { type DirectiveNode, type DocumentNode, Kind } from 'graphql';

/** What the supergraph's join__* directives say about where each type, field and union member lives. */
export interface JoinMetadata {
  /** `join__Graph` enum value (`ACCOUNTS`) → `{ name, url }` from `join__graph(name:, url:)`. */
  graphs: Map<string, { name: string; url: string }>;
  /** Type → graphs that define it (`join__type`). */
  typeGraphs: Map<string, Set<string>>;
  /** Types with a resolvable `@key` in at least one graph. */
  entities: Set<string>;
  /** `Type.field` → graphs that resolve it (`join__field`, minus external and overridden). Absent: all of the type's. */
  fieldGraphs: Map<string, Set<string>>;
  /** Union → graph → members in that graph (`join__unionMember`). */
  unionMembers: Map<string, Map<string, Set<string>>>;
  /** Graph → interfaces it declares as `@interfaceObject` (`join__type(isInterfaceObject: true)`). */
  interfaceObjects: Map<string, Set<string>>;
}

function argOf(directive: DirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function readJoinMetadata(ast: DocumentNode): JoinMetadata {
  const meta: JoinMetadata = {
    graphs: new Map(),
    typeGraphs: new Map(),
    entities: new Set(),
    fieldGraphs: new Map(),
    unionMembers: new Map(),
    interfaceObjects: new Map(),
  };
  for (const def of ast.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const typeName = def.name.value;
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && typeName === 'join__Graph') {
      for (const value of def.values ?? []) {
        const d = value.directives?.find((x) => x.name.value === 'join__graph');
        const name = d ? argOf(d, 'name') : undefined;
        const url = d ? argOf(d, 'url') : undefined;
        meta.graphs.set(value.name.value, {
          name: typeof name === 'string' ? name : value.name.value,
          url: typeof url === 'string' ? url : '',
        });
      }
    }
    for (const d of def.directives ?? []) {
      const graph = argOf(d, 'graph');
      if (typeof graph !== 'string') continue;
      if (d.name.value === 'join__type') {
        addTo(meta.typeGraphs, typeName, graph);
        if (typeof argOf(d, 'key') === 'string' && argOf(d, 'resolvable') !== false)
          meta.entities.add(typeName);
        if (argOf(d, 'isInterfaceObject') === true) addTo(meta.interfaceObjects, graph, typeName);
      } else if (d.name.value === 'join__unionMember') {
        const member = argOf(d, 'member');
        if (typeof member !== 'string') continue;
        let byGraph = meta.unionMembers.get(typeName);
        if (!byGraph) meta.unionMembers.set(typeName, (byGraph = new Map()));
        addTo(byGraph, graph, member);
      }
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      for (const d of field.directives ?? []) {
        const graph = d.name.value === 'join__field' ? argOf(d, 'graph') : undefined;
        // External fields are only read there, overridden ones no longer resolved there.
        const resolvesThere = argOf(d, 'external') !== true && argOf(d, 'usedOverridden') !== true;
        if (typeof graph === 'string' && resolvesThere)
          addTo(meta.fieldGraphs, `${typeName}.${field.name.value}`, graph);
      }
    }
  }
  return meta;
}
