import { ErrorCode } from '@lgsp/schema';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  print,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type SelectionSetNode,
} from 'graphql';
import { accessContextOf, getAccessRecord, refusalOf, type OperationAccess } from '../accessRecord.js';
import type { AccessContext } from '../auth/accessRules.js';
import type { AuthService } from '../auth/createAuthService.js';
import { REMOVED_FIELDS_PLACEHOLDER } from '../auth/refusals.js';
import type { ExecutableSupergraph } from '../execution/buildExecutableSupergraph.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import { aliasedTypename, reservedAliasError, usesReservedAlias } from './typenameAlias.js';

export interface AuthorizationOptions {
  auth: Pick<AuthService, 'authorize' | 'contract' | 'updateSupergraph'>;
  /** The live supergraph (its document holds the rules; a reload is picked up by the next operation). */
  live: () => ExecutableSupergraph;
  /** WWW-Authenticate realm of 401 refusals. Default 'lgsp'. */
  realm?: string;
}

/** What authorization decided for one operation, read by the masking plugin (same GraphQL context). */
export interface OperationAuthorization {
  access: AccessContext;
  entry: OperationAccess;
  /** Errors of removed fields, added to the operation's result. */
  removed: GraphQLError[];
}

const decisions = new WeakMap<object, OperationAuthorization>();

/** @internal The decision for the operation running in this GraphQL context. */
export function operationAuthorizationOf(context: object): OperationAuthorization | undefined {
  return decisions.get(context);
}

/** Names of the fields an operation selects at its root (through fragments). */
function rootFieldNames(document: DocumentNode, operationName: string | null | undefined): Set<string> {
  const names = new Set<string>();
  const operation = getOperationAST(document, operationName);
  if (!operation) return names;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Introspection is answered from the caller's contract, data from the full schema; one execution cannot do both
 * (graphql-js answers `__schema` from the schema it executes on), so an operation may not mix them.
 */
function introspectionUse(document: DocumentNode, operationName: string | null | undefined) {
  const names = [...rootFieldNames(document, operationName)];
  const introspection = names.some((name) => INTROSPECTION_ROOTS.has(name));
  const data = names.some((name) => !INTROSPECTION_ROOTS.has(name) && name !== '__typename');
  return introspection ? (data ? 'mixed' : 'only') : 'none';
}

const MIXED_INTROSPECTION =
  'send introspection (__schema, __type) in an operation of its own, without data fields';

/** graphql-js suggests similar names ("Did you mean …?"); from the full schema they would name hidden fields. */
function withoutSuggestions(error: Error): Error {
  if (!(error instanceof GraphQLError)) return error;
  const message = error.message.replace(/ Did you mean .*\?$/s, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * A selection set emptied by removal keeps a `__typename` so the document stays valid; aliased, it is taken out of
 * the response with the masking aliases, so the client sees `{}` rather than a `__typename` it did not ask for.
 */
function withoutPlaceholders(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field: (node) => (node === REMOVED_FIELDS_PLACEHOLDER ? aliasedTypename : undefined),
  });
}

function withStatus(error: GraphQLError, status: number, realm: string): GraphQLError {
  const headers = status === 401 ? { 'www-authenticate': `Bearer realm="${realm}"` } : undefined;
  return new GraphQLError(error.message, {
    path: error.path,
    extensions: { ...error.extensions, http: { status, ...(headers ? { headers } : {}) } },
  });
}

/**
 * Enforces `@authenticated`, `@requiresScopes` and `@policy` on every operation before any subgraph is called: the
 * caller's registry entry decides between refusing the whole operation (FORBIDDEN 403, or UNAUTHENTICATED 401 for an
 * anonymous caller; no data) and removing the refused fields (one error each, data for the rest). Introspection is
 * answered from the caller's contract, so hidden types and fields do not exist there. Validation errors lose
 * graphql-js's "Did you mean" suggestions, which would otherwise name hidden fields.
 *
 * It runs at execution (after validation, which yoga caches per document): authorization depends on the caller, so
 * it must not touch anything cached per document. Each operation of a request is decided on its own.
 */
export function useAuthorization(options: AuthorizationOptions): GatewayPlugin {
  const { auth } = options;
  const realm = options.realm ?? 'lgsp';
  let rulesOf: DocumentNode | undefined;

  /** Decides one operation; returns the refusal result, or undefined when it may run (possibly changed in `args`). */
  const decide = (args: ExecutionArgs, request: Request, context: object) => {
    const access = accessContextOf(request);
    if (access === undefined) throw new Error('authorization reached without authentication');
    const live = options.live();
    if (live.document !== rulesOf) {
      // One cheap re-read of the rules after a supergraph reload (the rules live in its directives).
      auth.updateSupergraph(print(live.document));
      rulesOf = live.document;
    }
    // Checked on the client's document, before the gateway adds its own aliases.
    if (usesReservedAlias(args.document)) return { errors: [reservedAliasError()] };
    const decision = auth.authorize(args.schema, args.document, args.operationName, access);
    const errors = decision.kind === 'allow' ? [] : decision.errors;
    const operationName = getOperationAST(args.document, args.operationName)?.name?.value;
    const entry: OperationAccess = {
      ...(operationName ? { operationName } : {}),
      decision: decision.kind,
      coordinates: decision.coordinates,
      personalData: decision.personalData,
      masked: [],
      refusals: errors.map(refusalOf),
    };
    getAccessRecord(request)?.operations.push(entry);
    if (decision.kind === 'refuse') {
      return { errors: decision.errors.map((error) => withStatus(error, decision.status, realm)) };
    }
    if (decision.kind === 'remove') args.document = withoutPlaceholders(decision.document);
    // Introspection shows the caller's contract only; everything else runs on the full schema.
    const introspection = introspectionUse(args.document, args.operationName);
    if (introspection === 'mixed') {
      entry.decision = 'refuse';
      entry.refusals.push({ code: ErrorCode.BAD_REQUEST, reason: MIXED_INTROSPECTION });
      const extensions = { code: ErrorCode.BAD_REQUEST, reason: MIXED_INTROSPECTION, http: { status: 400 } };
      return {
        errors: [new GraphQLError(`Cannot run this operation: ${MIXED_INTROSPECTION}`, { extensions })],
      };
    }
    if (introspection === 'only') args.schema = auth.contract(args.schema, access);
    decisions.set(context, { access, entry, removed: decision.kind === 'remove' ? decision.errors : [] });
    return undefined;
  };

  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(result.map(withoutSuggestions));
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request: Request };
      const refused = decide(args, context.request, context);
      if (refused) {
        setResultAndStopExecution(refused);
        return;
      }
      const removed = decisions.get(context)?.removed ?? [];
      if (removed.length === 0) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('data' in result) && !('errors' in result)) return;
          setResult({ ...result, errors: [...removed, ...(result.errors ?? [])] });
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request: Request };
      const refused = decide(args, context.request, context);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
