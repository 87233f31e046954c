import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/**
 * A generated operation (`import { DistrictDashboardDocument } from '@lgsp/sdk/operations'`): its text, its
 * result and variable types, and the sha256 hash under which the gateway knows it as a trusted document.
 */
export interface OperationDocument<
  TResult = unknown,
  TVariables = Record<string, unknown>,
> extends DocumentTypeDecoration<TResult, TVariables> {
  toString(): string;
  __meta__?: { hash?: string } | Record<string, unknown> | undefined;
}

export type ResultOf<D> = D extends DocumentTypeDecoration<infer R, unknown> ? R : never;
export type VariablesOf<D> = D extends DocumentTypeDecoration<unknown, infer V> ? V : never;

/** Variables may be left out when the operation has no required ones. */
export type VariablesArgument<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** What the helpers below read of a document, whatever its result and variable types. */
export interface DocumentText {
  toString(): string;
  __meta__?: unknown;
}

const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

export function operationNameOf(document: DocumentText): string | undefined {
  return OPERATION_NAME.exec(document.toString())?.[1];
}

export function hashOf(document: DocumentText): string | undefined {
  const hash = (document.__meta__ as { hash?: unknown } | undefined)?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * How documents travel. `persisted`: by hash only (partners limited to trusted documents). `persistedWithFallback`:
 * by hash, and the full text once if the gateway does not know the hash (`PERSISTED_QUERY_NOT_FOUND`), or from then
 * on if it cannot read hash-only requests at all (HTTP 400 `BAD_REQUEST`). `document`: always the full text.
 */
export type DocumentMode = 'persisted' | 'persistedWithFallback' | 'document';

/**
 * The request body. A persisted operation is sent as Apollo's APQ shape,
 * `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}}`, with no `query`; the full text is sent as
 * a plain GraphQL request (no hash: the manifest hashes a normalized text, not this one).
 */
export function requestBody(
  document: DocumentText,
  variables: unknown,
  byHash: boolean,
): Record<string, unknown> {
  const operationName = operationNameOf(document);
  const hash = hashOf(document);
  const common = { ...(operationName ? { operationName } : {}), variables: variables ?? {} };
  if (byHash && hash !== undefined) {
    return { ...common, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
  }
  return { query: document.toString(), ...common };
}
