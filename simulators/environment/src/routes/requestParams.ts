import { json, type SimReply } from '@lgsp/simulator-kit';
import { HOUR_MS } from '../data/noise.js';

export function badRequest(message: string): SimReply {
  return json({ code: 'BAD_REQUEST', message }, 400);
}

export function readList(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An ISO 8601 instant with an offset (`2026-11-25T08:00:00+07:00`) → epoch ms; undefined when absent, null when bad. */
export function readInstant(query: URLSearchParams, name: string): number | undefined | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : ms;
}

export interface CursorPage<T> {
  data: T[];
  paging: { limit: number; nextCursor: string | null };
}

/** Cursor paging of the monitoring system: `?cursor=…&limit=…` → `{ data, paging: { limit, nextCursor } }`. */
export function cursorPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  { defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number },
): CursorPage<T> | SimReply {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return badRequest(`limit must be 1..${maxLimit}`);
  let offset = 0;
  const cursor = query.get('cursor');
  if (cursor) {
    const match = /^o(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!match) return badRequest('invalid cursor');
    offset = Number(match[1]);
  }
  const end = offset + limit;
  return {
    data: items.slice(offset, end),
    paging: { limit, nextCursor: end < items.length ? Buffer.from(`o${end}`).toString('base64url') : null },
  };
}

export function isReply(value: unknown): value is SimReply {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

/** The newest whole hour at or before `nowMs`, as an epoch hour number. */
export function currentHour(nowMs: number): number {
  return Math.floor(nowMs / HOUR_MS);
}
