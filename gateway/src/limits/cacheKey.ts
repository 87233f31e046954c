import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';

const schemaIds = new WeakMap<DocumentNode, string>();

/** A stable id of a supergraph (same text → same id on every replica); a reload changes every key. */
export function schemaIdOf(document: DocumentNode): string {
  let id = schemaIds.get(document);
  if (id === undefined)
    schemaIds.set(document, (id = createHash('sha256').update(print(document)).digest('hex')));
  return id;
}

export interface CacheKeyInput {
  schemaId: string;
  /** The caller's partition (contract, masking state, purpose): see RequestIdentity. */
  partition: string;
  query: string;
  operationName: string | null | undefined;
  variables: unknown;
}

/** Everything that changes an answer goes into the key; the hash keeps keys short and free of caller data. */
export function cacheKeyOf(input: CacheKeyInput): string {
  const material = JSON.stringify([
    input.schemaId,
    input.partition,
    input.query,
    input.operationName ?? null,
    input.variables ?? null,
  ]);
  return createHash('sha256').update(material).digest('hex');
}
