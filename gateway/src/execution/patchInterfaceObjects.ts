import type { SubschemaConfig } from '@graphql-tools/delegate';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  type DocumentNode,
  type GraphQLSchema,
  GraphQLObjectType,
  GraphQLSchema as Schema,
  isInterfaceType,
  GraphQLUnionType,
  Kind,
  visit,
} from 'graphql';

/** Per subgraph (join__Graph enum value): implementing type name → the @interfaceObject interface it stands for. */
export type InterfaceObjectPatches = Map<string, Map<string, string>>;

/**
 * @interfaceObject: subgraph R adds fields to interface entity `I` without knowing its implementations. Stitching
 * resolves R's fields for an implementation `T` only through `I`, and loses them when `T` is itself merged from
 * other subgraphs (an entity extended elsewhere): the field then comes back null. Found with our own schemas
 * (tests/e2e/gateway/federationFeatures.test.ts); the audit does not cover it.
 *
 * The fix, per R: add every such implementation `T` of `I` to R's subschema (with `I`'s fields there, as a member of
 * `_Entity`) and give it `I`'s merge config, whose key already sends `{ __typename: "I", … }`. Stitching then plans
 * R's fields for `T` like any merged field; `renameFragments` turns `... on T` back into `... on I` in the documents
 * sent to R, which knows only `I`. Mutates `subschemas`; returns the renames each subgraph's transport applies.
 */
export function patchInterfaceObjects(
  subschemas: SubschemaConfig[],
  interfaceObjects: Map<string, Set<string>>,
  typeGraphs: Map<string, Set<string>>,
  supergraph: GraphQLSchema,
): InterfaceObjectPatches {
  const patches: InterfaceObjectPatches = new Map();
  for (const config of subschemas) {
    const graph = (config as { name?: string }).name;
    const interfaces = graph ? interfaceObjects.get(graph) : undefined;
    if (!graph || !interfaces) continue;
    const added: GraphQLObjectType[] = [];
    const renames = new Map<string, string>();
    for (const name of interfaces) {
      const iface = config.schema.getType(name);
      const superIface = supergraph.getType(name);
      const merge = config.merge?.[name];
      if (!isInterfaceType(iface) || !isInterfaceType(superIface) || !merge) continue;
      for (const impl of supergraph.getPossibleTypes(superIface)) {
        // Only implementations merged from several subgraphs go wrong; the others (and root fields of R returning
        // `I`, which need the owner to name the concrete type) keep stitching's own interface path.
        if (config.schema.getType(impl.name) || (typeGraphs.get(impl.name)?.size ?? 0) < 2) continue;
        added.push(
          new GraphQLObjectType({
            name: impl.name,
            interfaces: [iface],
            fields: () => iface.toConfig().fields,
          }),
        );
        config.merge![impl.name] = merge;
        renames.set(impl.name, name);
      }
    }
    if (added.length === 0) continue;
    const current = config.schema.toConfig();
    const withTypes = new Schema({ ...current, types: [...current.types, ...added] });
    // The new types must also be `_Entity` members, or delegation drops their fragments inside `_entities`.
    config.schema = mapSchema(withTypes, {
      [MapperKind.UNION_TYPE]: (type) =>
        type.name === '_Entity'
          ? new GraphQLUnionType({ ...type.toConfig(), types: [...type.getTypes(), ...added] })
          : type,
    });
    patches.set(graph, renames);
  }
  return patches;
}

/** Rewrites type conditions naming a patched implementation into its interface (documents sent to R only). */
export function renameFragments(document: DocumentNode, renames: Map<string, string>): DocumentNode {
  return visit(document, {
    [Kind.NAMED_TYPE](node) {
      const to = renames.get(node.name.value);
      return to ? { ...node, name: { ...node.name, value: to } } : undefined;
    },
  });
}
