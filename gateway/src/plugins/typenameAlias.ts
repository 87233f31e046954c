import { ErrorCode } from '@lgsp/schema';
import { GraphQLError, Kind, visit, type DocumentNode, type FieldNode } from 'graphql';

/**
 * Response key of the `__typename` fields the gateway adds for its own use (masking by concrete type; selection sets
 * emptied by field removal). usePersonalDataMasking takes them out of every response; clients may not use it.
 */
export const TYPENAME_ALIAS = '__lgspTypename';

/** `__lgspTypename: __typename` */
export const aliasedTypename: FieldNode = Object.freeze({
  kind: Kind.FIELD,
  alias: Object.freeze({ kind: Kind.NAME, value: TYPENAME_ALIAS }),
  name: Object.freeze({ kind: Kind.NAME, value: '__typename' }),
});

/** Whether a client document uses the reserved alias (it would steer masking by forging a type name). */
export function usesReservedAlias(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.alias?.value === TYPENAME_ALIAS) found = true;
    },
  });
  return found;
}

export function reservedAliasError(): GraphQLError {
  const message = `The alias ${TYPENAME_ALIAS} is reserved by the gateway`;
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
  });
}
