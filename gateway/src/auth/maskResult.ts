import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { AuthRequirements } from './authRequirements.js';
import { maskValue } from './masking.js';

export interface MaskResultInput {
  schema: GraphQLSchema;
  requirements: AuthRequirements;
  /** The document as executed (after any removal of denied fields). */
  document: DocumentNode;
  operationName?: string | null;
  /** The `data` of the execution result. */
  data: Record<string, unknown> | null | undefined;
}

export interface MaskResultOutput {
  data: Record<string, unknown> | null | undefined;
  /** Coordinates whose values were masked at least once. */
  masked: string[];
}

interface Walk {
  input: MaskResultInput;
  fragments: Map<string, FragmentDefinitionNode>;
  masked: Set<string>;
  done: WeakMap<object, Set<string>>;
  /**
   * Named fragments already applied to each object. Applying one twice to the same object changes nothing (its
   * condition is its own, masking is once per key), so it is skipped: fragments that each spread the next one twice
   * would otherwise cost 2^n per object.
   */
  applied: WeakMap<object, Set<string>>;
}

/** Whether a fragment on `condition` applies to an object whose concrete type is `typename`. */
function applies(schema: GraphQLSchema, condition: GraphQLCompositeType, typename: unknown): boolean {
  // Without __typename the concrete type is unknown: apply the fragment, so that masking errs on the side of privacy.
  if (typeof typename !== 'string') return true;
  if (condition.name === typename) return true;
  const concrete = schema.getType(typename);
  return isAbstractType(condition) && isObjectType(concrete) && schema.isSubType(condition, concrete);
}

function maskObject(
  walk: Walk,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  object: Record<string, unknown>,
): void {
  const { schema, requirements } = walk.input;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (fragment === undefined) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (condition === undefined || !(isObjectType(condition) || isAbstractType(condition))) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const applied = walk.applied.get(object) ?? new Set<string>();
        walk.applied.set(object, applied);
        if (applied.has(selection.name.value)) continue;
        applied.add(selection.name.value);
      }
      if (applies(schema, condition, object['__typename']))
        maskObject(walk, condition, fragment.selectionSet, object);
      continue;
    }
    const key = selection.alias?.value ?? selection.name.value;
    if (!Object.hasOwn(object, key) || !(isObjectType(parent) || isInterfaceType(parent))) continue;
    const definition = parent.getFields()[selection.name.value];
    if (definition === undefined) continue;
    const coordinate = `${parent.name}.${definition.name}`;
    const kind =
      requirements.personalData.get(coordinate) ??
      personalDataOfImplementations(walk, parent, definition.name);
    if (kind !== undefined) {
      // The same response key can be selected twice (two fragments); mask it once.
      const done = walk.done.get(object) ?? new Set<string>();
      walk.done.set(object, done);
      if (!done.has(key)) object[key] = maskValue(kind, object[key]);
      done.add(key);
      walk.masked.add(coordinate);
      continue;
    }
    const returned = getNamedType(definition.type);
    if (selection.selectionSet !== undefined && (isObjectType(returned) || isAbstractType(returned))) {
      maskValueTree(walk, returned, selection.selectionSet, object[key]);
    }
  }
}

/** A field read through an interface is personal data when it is in any implementation. */
function personalDataOfImplementations(
  walk: Walk,
  parent: GraphQLCompositeType,
  field: string,
): string | undefined {
  if (!isInterfaceType(parent)) return undefined;
  for (const type of walk.input.schema.getPossibleTypes(parent)) {
    const kind = walk.input.requirements.personalData.get(`${type.name}.${field}`);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

function maskValueTree(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  value: unknown,
): void {
  if (Array.isArray(value)) value.forEach((item) => maskValueTree(walk, type, selectionSet, item));
  else if (typeof value === 'object' && value !== null) {
    maskObject(walk, type, selectionSet, value as Record<string, unknown>);
  }
}

/**
 * Masks, in place, the personal-data fields of an execution result, following the executed operation (aliases,
 * fragments, abstract types). Call it only when the context may not unmask (`AccessRules.canUnmask`).
 */
export function maskResult(input: MaskResultInput): MaskResultOutput {
  const operation = getOperationAST(input.document, input.operationName);
  const root = operation && input.schema.getRootType(operation.operation);
  const walk: Walk = {
    input,
    fragments: new Map(
      input.document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    masked: new Set(),
    done: new WeakMap(),
    applied: new WeakMap(),
  };
  if (operation && root && input.data) maskObject(walk, root, operation.selectionSet, input.data);
  return { data: input.data, masked: [...walk.masked] };
}
