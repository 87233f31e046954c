import { Kind, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

/** `@listSize` of one field (IBM/Apollo cost spec). */
export interface ListSizeHint {
  assumedSize?: number;
  slicingArguments?: string[];
  /** Fields of the returned object that are the sized lists (connections: `nodes`, `items`, `edges`). */
  sizedFields?: string[];
}

/** What the limits read from the supergraph's directives, by coordinate (`Type.field`) or type name. */
export interface SchemaHints {
  fieldCost: Map<string, number>;
  typeCost: Map<string, number>;
  listSize: Map<string, ListSizeHint>;
  /** Coordinates declared `@personalData`. */
  personalData: Set<string>;
  /** `@cacheControl(maxAge:)` on fields (`Type.field`) and types. */
  maxAge: Map<string, number>;
  /** Subgraphs (join__Graph values) that resolve each field / type. */
  fieldGraphs: Map<string, string[]>;
  typeGraphs: Map<string, string[]>;
}

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function intArgument(directive: ConstDirectiveNode, name: string): number | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringList(directive: ConstDirectiveNode, name: string): string[] | undefined {
  const value = argument(directive, name);
  if (value?.kind !== Kind.LIST) return undefined;
  return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

function enumArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : undefined;
}

/** The spec's short names, and the prefixed names a supergraph uses when it does not import them. */
const is = (directive: ConstDirectiveNode, name: string) =>
  directive.name.value === name || directive.name.value.endsWith(`__${name}`);

function readField(hints: SchemaHints, typeName: string, field: FieldDefinitionNode): void {
  const coordinate = `${typeName}.${field.name.value}`;
  const graphs: string[] = [];
  for (const directive of field.directives ?? []) {
    if (is(directive, 'cost')) {
      const weight = intArgument(directive, 'weight');
      if (weight !== undefined) hints.fieldCost.set(coordinate, weight);
    } else if (is(directive, 'listSize')) {
      const hint: ListSizeHint = {};
      const assumedSize = intArgument(directive, 'assumedSize');
      const slicingArguments = stringList(directive, 'slicingArguments');
      const sizedFields = stringList(directive, 'sizedFields');
      if (assumedSize !== undefined) hint.assumedSize = assumedSize;
      if (slicingArguments?.length) hint.slicingArguments = slicingArguments;
      if (sizedFields?.length) hint.sizedFields = sizedFields;
      hints.listSize.set(coordinate, hint);
    } else if (is(directive, 'personalData')) {
      hints.personalData.add(coordinate);
    } else if (is(directive, 'cacheControl')) {
      const maxAge = intArgument(directive, 'maxAge');
      if (maxAge !== undefined) hints.maxAge.set(coordinate, maxAge);
    } else if (directive.name.value === 'join__field') {
      const graph = enumArgument(directive, 'graph');
      const external = argument(directive, 'external');
      if (graph && !(external?.kind === Kind.BOOLEAN && external.value)) graphs.push(graph);
    }
  }
  if (graphs.length > 0) hints.fieldGraphs.set(coordinate, graphs);
}

/** Reads cost, list size, personal-data, cache and ownership directives once per supergraph document. */
function readHints(document: DocumentNode): SchemaHints {
  const hints: SchemaHints = {
    fieldCost: new Map(),
    typeCost: new Map(),
    listSize: new Map(),
    personalData: new Set(),
    maxAge: new Map(),
    fieldGraphs: new Map(),
    typeGraphs: new Map(),
  };
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.SCALAR_TYPE_DEFINITION &&
      definition.kind !== Kind.ENUM_TYPE_DEFINITION
    )
      continue;
    const typeName = definition.name.value;
    const graphs: string[] = [];
    for (const directive of definition.directives ?? []) {
      if (is(directive, 'cost')) {
        const weight = intArgument(directive, 'weight');
        if (weight !== undefined) hints.typeCost.set(typeName, weight);
      } else if (is(directive, 'cacheControl')) {
        const maxAge = intArgument(directive, 'maxAge');
        if (maxAge !== undefined) hints.maxAge.set(typeName, maxAge);
      } else if (directive.name.value === 'join__type') {
        const graph = enumArgument(directive, 'graph');
        if (graph) graphs.push(graph);
      }
    }
    if (graphs.length > 0) hints.typeGraphs.set(typeName, graphs);
    if ('fields' in definition)
      for (const field of definition.fields ?? []) readField(hints, typeName, field);
  }
  return hints;
}

const cache = new WeakMap<DocumentNode, SchemaHints>();

/** The hints of a supergraph document (computed once per document, so a reload is picked up). */
export function schemaHintsOf(document: DocumentNode): SchemaHints {
  let hints = cache.get(document);
  if (hints === undefined) cache.set(document, (hints = readHints(document)));
  return hints;
}
