import { GraphQLError, Kind, visit, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import type { Denial } from './accessRules.js';
import type { FieldDenial } from './authorizeOperation.js';

/**
 * What `removeDeniedFields` puts in a selection set it emptied (one shared node, so callers can recognise it and keep
 * it out of responses).
 */
export const REMOVED_FIELDS_PLACEHOLDER: FieldNode = Object.freeze({
  kind: Kind.FIELD,
  name: Object.freeze({ kind: Kind.NAME, value: '__typename' }),
});

/**
 * The client-visible error of a refusal: code, reason and legal basis (Decree 194/2025 Art. 16), the coordinate
 * refused and, for a field, where it would have been in the response.
 */
export function refusalError(denial: Denial & { path?: readonly string[] }): GraphQLError {
  const subject = denial.coordinate === 'X-Purpose' ? 'the declared purpose' : denial.coordinate;
  const message =
    denial.code === 'UNAUTHENTICATED'
      ? `Authentication required to read ${subject}`
      : `Not authorized to read ${subject}: ${denial.reason}`;
  return new GraphQLError(message, {
    ...(denial.path === undefined || denial.path.length === 0 ? {} : { path: [...denial.path] }),
    extensions: {
      code: denial.code,
      reason: denial.reason,
      legalBasis: denial.legalBasis,
      coordinate: denial.coordinate,
    },
  });
}

/**
 * The operation without the denied selections (the `remove` mode of the IOC's own front end). A selection set left
 * empty keeps `__typename`, so the document stays valid and the parent still answers.
 */
export function removeDeniedFields(document: DocumentNode, denials: readonly FieldDenial[]): DocumentNode {
  const denied = new Set<FieldNode>(denials.map((denial) => denial.node));
  if (denied.size === 0) return document;
  return visit(document, {
    Field: {
      enter: (node) => (denied.has(node) ? null : undefined),
    },
    SelectionSet: {
      leave: (node: SelectionSetNode) =>
        node.selections.length === 0 ? { ...node, selections: [REMOVED_FIELDS_PLACEHOLDER] } : undefined,
    },
  });
}
