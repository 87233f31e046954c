import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { AccessContext, AccessRules, Denial } from './accessRules.js';
import type { AuthClause, AuthRequirements } from './authRequirements.js';

/** Root fields of the Federation subgraph protocol: internal, never reachable through the gateway. */
export const FEDERATION_INTERNAL_FIELDS = new Set(['_entities', '_service']);

/** A refused field selection, with where it appears in the response. */
export interface FieldDenial extends Denial {
  /** The response path of its first occurrence (aliases, not field names). */
  path: string[];
  /** The selection in the document (the same node when reached through a fragment used twice). */
  node: FieldNode;
}

export interface AuthorizationResult {
  /** Every refused selection, one per field node. Empty when the operation is allowed as it is. */
  denials: FieldDenial[];
  /** Schema coordinates the operation reads (`Type.field`), denied ones excluded, for the audit trail. */
  coordinates: string[];
  /** The subset of `coordinates` that are personal data. */
  personalData: string[];
}

export interface AuthorizeOperationInput {
  /** The gateway's API schema (the executable one, before any contract filtering). */
  schema: GraphQLSchema;
  requirements: AuthRequirements;
  rules: AccessRules;
  document: DocumentNode;
  operationName?: string | null;
  context: AccessContext;
}

interface Walk {
  input: AuthorizeOperationInput;
  fragments: Map<string, FragmentDefinitionNode>;
  denied: Map<FieldNode, FieldDenial>;
  coordinates: Set<string>;
  /**
   * Fragments already walked. A fragment's outcome does not depend on where it is spread (its fields are checked
   * against its own type condition, and a denial keeps the path of its first occurrence), so it is walked once: a
   * document whose fragments each spread the next one twice would otherwise cost 2^n.
   */
  walkedFragments: Set<string>;
}

function introspectionDenial(walk: Walk, node: FieldNode, path: string[]): FieldDenial | undefined {
  const { principal } = walk.input.context;
  if (principal.kind === 'anonymous' || principal.introspection) return undefined;
  const denial = walk.input.rules.deny(
    `Query.${node.name.value}`,
    'introspection is not open to this client',
  );
  return { ...denial, path, node };
}

/** Type-level clauses of a type: an object's own, or for an abstract type none (its members are checked when used). */
function typeClauses(walk: Walk, type: GraphQLNamedType): readonly AuthClause[] {
  return walk.input.requirements.types.get(type.name) ?? [];
}

/**
 * `__typename` on an interface or union names the concrete type of each object, so it may reveal types the caller
 * cannot read: it is allowed only when every possible type is readable.
 */
function typenameDenial(walk: Walk, parent: GraphQLCompositeType): Denial | undefined {
  const { schema, rules, context } = walk.input;
  const types = isAbstractType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
  for (const type of types) {
    const denial = rules.check(typeClauses(walk, type), context);
    if (denial !== undefined) return denial;
  }
  return undefined;
}

function checkField(walk: Walk, parent: GraphQLCompositeType, node: FieldNode, path: string[]): boolean {
  const name = node.name.value;
  const { requirements, rules, context } = walk.input;
  const deny = (denial: Denial | undefined) => {
    if (denial === undefined) return true;
    if (!walk.denied.has(node)) walk.denied.set(node, { ...denial, path, node });
    return false;
  };
  if (name === '__typename') return deny(typenameDenial(walk, parent));
  if (name === '__schema' || name === '__type') {
    const denial = introspectionDenial(walk, node, path);
    return deny(denial);
  }
  if (parent === walk.input.schema.getQueryType() && FEDERATION_INTERNAL_FIELDS.has(name)) {
    return deny(rules.deny(`Query.${name}`, 'not part of the hub API'));
  }
  if (!isObjectType(parent) && !isInterfaceType(parent)) return true;
  const definition = parent.getFields()[name];
  if (definition === undefined) return true; // validation reports unknown fields
  const coordinate = `${parent.name}.${name}`;
  const returned = getNamedType(definition.type);
  const clauses = [
    ...typeClauses(walk, parent),
    ...(requirements.fields.get(coordinate) ?? []),
    ...typeClauses(walk, returned),
  ];
  const allowed = deny(rules.check(clauses, context));
  if (allowed) walk.coordinates.add(coordinate);
  return allowed;
}

function walkSelections(
  walk: Walk,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  path: string[],
  fragmentsOnPath: ReadonlySet<string>,
): void {
  const { schema } = walk.input;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
        if (!checkField(walk, parent, selection, fieldPath) || selection.selectionSet === undefined) break;
        if (!isObjectType(parent) && !isInterfaceType(parent)) break;
        const definition = parent.getFields()[selection.name.value];
        const returned = definition && getNamedType(definition.type);
        if (returned !== undefined && (isObjectType(returned) || isAbstractType(returned))) {
          walkSelections(walk, returned, selection.selectionSet, fieldPath, fragmentsOnPath);
        }
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition !== undefined && (isObjectType(condition) || isAbstractType(condition))) {
          walkSelections(walk, condition, selection.selectionSet, path, fragmentsOnPath);
        }
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = walk.fragments.get(name);
        if (fragment === undefined || fragmentsOnPath.has(name)) break; // unknown or cyclic: validation reports it
        if (walk.walkedFragments.has(name)) break;
        walk.walkedFragments.add(name);
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (condition !== undefined && (isObjectType(condition) || isAbstractType(condition))) {
          walkSelections(walk, condition, fragment.selectionSet, path, new Set([...fragmentsOnPath, name]));
        }
        break;
      }
    }
  }
}

/**
 * Decides, before any subgraph is called, which selections of an operation the caller may not read. Every field is
 * checked wherever it appears (aliases, named and inline fragments on interfaces and unions), with `@skip`/`@include`
 * ignored, so a variable cannot smuggle a forbidden field past the check. The caller then either refuses the whole
 * operation or removes the denied nodes ({@link removeDeniedFields}).
 */
export function authorizeOperation(input: AuthorizeOperationInput): AuthorizationResult {
  const operation = getOperationAST(input.document, input.operationName);
  const walk: Walk = {
    input,
    fragments: new Map(
      input.document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    denied: new Map(),
    coordinates: new Set(),
    walkedFragments: new Set(),
  };
  const root = operation ? input.schema.getRootType(operation.operation) : undefined;
  if (operation && root) {
    walkSelections(walk, root, operation.selectionSet, [], new Set());
  }
  const coordinates = [...walk.coordinates];
  return {
    denials: [...walk.denied.values()],
    coordinates,
    personalData: coordinates.filter((coordinate) => input.requirements.personalData.has(coordinate)),
  };
}
