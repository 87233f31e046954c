import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isNamedType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { AccessContext, AccessRules } from './accessRules.js';
import type { AuthRequirements } from './authRequirements.js';
import { FEDERATION_INTERNAL_FIELDS } from './authorizeOperation.js';
import { scopesOf } from './principal.js';

export interface ContractInput {
  schema: GraphQLSchema;
  requirements: AuthRequirements;
  rules: AccessRules;
  context: AccessContext;
}

/**
 * What decides a contract: two contexts with the same key see the same schema, so contracts can be cached by it.
 * Policies may depend on the agency and the purpose, hence both are part of the key.
 */
export function contractKey(context: AccessContext): string {
  const { principal } = context;
  if (principal.kind === 'anonymous') return 'anonymous';
  return JSON.stringify([[...scopesOf(principal)].sort(), principal.agency.code, context.purpose ?? null]);
}

type FieldHolder = GraphQLObjectType | GraphQLInterfaceType;

/**
 * The schema a principal may see: types and fields it may not read are absent (so introspection and SDK generation
 * show them as not existing), `_entities` and `_service` are never there, and types left empty are pruned.
 */
export function buildContractSchema(input: ContractInput): GraphQLSchema {
  const { schema, requirements, rules, context } = input;
  const allowed = (clauses: ReturnType<AuthRequirements['types']['get']>) =>
    rules.check(clauses ?? [], context) === undefined;
  const typeVisible = (name: string) => allowed(requirements.types.get(name));
  const query = schema.getQueryType();

  const fieldVisible = (type: FieldHolder, field: string): boolean => {
    if (type === query && FEDERATION_INTERNAL_FIELDS.has(field)) return false;
    const definition = type.getFields()[field];
    if (definition === undefined) return false;
    const returned = getNamedType(definition.type).name;
    if (!allowed(requirements.fields.get(`${type.name}.${field}`)) || !typeVisible(returned)) return false;
    // An interface field stays only if every visible implementation keeps it, or the schema would be invalid.
    if (isInterfaceType(type)) {
      return schema
        .getPossibleTypes(type)
        .filter((implementation) => typeVisible(implementation.name))
        .every((implementation) => fieldVisible(implementation, field));
    }
    return true;
  };

  const filtered = filterSchema({
    schema,
    typeFilter: (name, type) => (isNamedType(type) && isIntrospectionType(type)) || typeVisible(name),
    // filterSchema filters root fields apart from the others; the same rule applies to them.
    rootFieldFilter: (operation, fieldName) => {
      const root = {
        Query: query,
        Mutation: schema.getMutationType(),
        Subscription: schema.getSubscriptionType(),
      }[operation];
      return root !== null && root !== undefined && fieldVisible(root, fieldName);
    },
    fieldFilter: (typeName, fieldName) => {
      const type = schema.getType(typeName);
      if (isObjectType(type) || isInterfaceType(type)) {
        return typeVisible(typeName) && fieldVisible(type, fieldName);
      }
      return true;
    },
  });
  return pruneSchema(filtered);
}
