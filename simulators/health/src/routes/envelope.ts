import { json, paginate, type SimReply } from '@lgsp/simulator-kit';

/** The registry's house style: every list answer is `{ data, meta: { page, perPage, total } }`. */
export interface Envelope<T> {
  data: T[];
  meta: { page: number; perPage: number; total: number };
}

/** Cuts one page (`?page=2&perPage=50`, 1-based) of `items` into the envelope. */
export function pageOf<T>(items: readonly T[], query: URLSearchParams, maxPerPage = 100): Envelope<T> {
  const page = paginate(items, query, {
    defaultPageSize: 20,
    maxPageSize: maxPerPage,
    pageSizeParam: 'perPage',
  });
  return { data: page.items, meta: { page: page.page, perPage: page.pageSize, total: page.total } };
}

/** A comma-separated list parameter (`unitCodes=04789,04792`); undefined when absent or empty. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = (query.get(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** The registry's 400: `{ error: { code, message } }`. */
export function badRequest(message: string): SimReply {
  return json({ error: { code: 'INVALID_PARAMETER', message } }, 400);
}

/** The registry's 404 for a single resource. */
export function missing(what: string): SimReply {
  return json({ error: { code: 'NOT_FOUND', message: `${what} not found` } }, 404);
}

/** Largest number of keys one batch call accepts. */
export const MAX_BATCH_KEYS = 500;
