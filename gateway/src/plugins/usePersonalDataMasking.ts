import {
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { AuthService } from '../auth/createAuthService.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import { aliasedTypename, TYPENAME_ALIAS } from './typenameAlias.js';
import { operationAuthorizationOf, type OperationAuthorization } from './useAuthorization.js';

export interface PersonalDataMaskingOptions {
  auth: Pick<AuthService, 'mask'>;
}

/** Per document (yoga's parse cache keeps one object per query text) and schema: built once, not per request. */
const augmented = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, DocumentNode>>();

function withTypenames(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  let bySchema = augmented.get(document);
  if (bySchema === undefined) augmented.set(document, (bySchema = new WeakMap()));
  let result = bySchema.get(schema);
  if (result === undefined) bySchema.set(schema, (result = addTypenames(schema, document)));
  return result;
}

/** The document with `__lgspTypename: __typename` in every selection set on an interface or union. */
function addTypenames(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node) {
          // On leave, TypeInfo still describes this selection set's own type.
          if (!isAbstractType(typeInfo.getParentType())) return undefined;
          return { ...node, selections: [...node.selections, aliasedTypename] };
        },
      },
    }),
  );
}

/** Moves the added aliases onto `__typename` for the masker; returns the undo. */
function exposeTypenames(value: unknown): () => void {
  const added: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    for (const child of Object.values(object)) walk(child);
    if (!Object.hasOwn(object, TYPENAME_ALIAS)) return;
    const typename = object[TYPENAME_ALIAS];
    delete object[TYPENAME_ALIAS];
    if (!Object.hasOwn(object, '__typename')) {
      object['__typename'] = typename;
      added.push(object);
    }
  };
  walk(value);
  return () => added.forEach((object) => delete object['__typename']);
}

function maskResult(
  auth: PersonalDataMaskingOptions['auth'],
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  decided: OperationAuthorization,
  result: ExecutionResult,
): void {
  const data = result.data as Record<string, unknown> | null | undefined;
  const undo = exposeTypenames(data);
  try {
    const masked = auth.mask(schema, document, operationName, data, decided.access);
    decided.entry.masked = [...new Set([...decided.entry.masked, ...masked])];
  } finally {
    undo();
  }
}

const isSingleResult = (result: unknown): result is ExecutionResult =>
  typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);

/**
 * Masks `@personalData` values by kind (`0912***678`) unless the caller holds `pii:read`, may read personal data
 * per its registry entry and declared a purpose it is granted. Masking follows the executed document (after removal
 * of refused fields); `__typename` is added on interfaces and unions so a fragment is applied only to its own type.
 * Must come after useAuthorization (it reads its decision).
 */
export function usePersonalDataMasking(options: PersonalDataMaskingOptions): GatewayPlugin {
  const { auth } = options;
  return {
    onExecute({ args }) {
      const decided = operationAuthorizationOf(args.contextValue as object);
      if (decided === undefined) return;
      const { schema, operationName } = args;
      const document = (args.document = withTypenames(schema, args.document));
      return {
        onExecuteDone({ result }) {
          if (isSingleResult(result)) maskResult(auth, schema, document, operationName, decided, result);
        },
      };
    },
    onSubscribe({ args }) {
      const decided = operationAuthorizationOf(args.contextValue as object);
      if (decided === undefined) return;
      const { schema, operationName } = args;
      const document = (args.document = withTypenames(schema, args.document));
      return {
        onSubscribeResult() {
          return {
            onNext({ result }) {
              maskResult(auth, schema, document, operationName, decided, result);
            },
          };
        },
      };
    },
  };
}
