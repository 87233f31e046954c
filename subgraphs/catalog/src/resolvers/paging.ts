import { GraphQLError } from 'graphql';
import type { UpstreamPage } from '../upstream/mapping.js';

export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Checks `first` against its bounds; the message names the argument, as a client needs. */
export function readFirst(first: number | null | undefined, fallback: number, max: number): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(`first must be between 1 and ${max}`);
  }
  return value;
}

/** Cursors are opaque to clients: base64url of the offset after the page. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = /^offset:(\d{1,7})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('after is not a cursor of this list');
  return Number(match[1]);
}

export function toConnection<T>(page: UpstreamPage<T>, offset: number): Connection<T> {
  const end = offset + page.items.length;
  const hasNextPage = end < page.total;
  return {
    nodes: page.items,
    totalCount: page.total,
    hasNextPage,
    endCursor: hasNextPage ? encodeCursor(end) : null,
  };
}
