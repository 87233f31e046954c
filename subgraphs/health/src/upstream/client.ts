import {
  createUpstreamClient,
  isNotFound,
  type QueryValue,
  type UpstreamClient,
  type UpstreamClientOptions,
} from '@lgsp/subgraph-kit';
import { malformedPayload, UPSTREAM_NAME } from './errors.js';
import type { MappedPage } from './mapping.js';

export type HealthClientOptions = Omit<UpstreamClientOptions, 'name'>;

/** The one client of the health registry: a keep-alive pool with timeouts, retries and a circuit breaker. */
export function createHealthClient(options: HealthClientOptions): UpstreamClient {
  return createUpstreamClient({ ...options, name: UPSTREAM_NAME });
}

export interface CallContext {
  /** Forwarded as `x-request-id`. */
  requestId: string;
  signal?: AbortSignal;
}

/** Largest page the subgraph asks for; the registry clamps to its own maximum per resource. */
export const PAGE_SIZE = 10_000;

/** A guard against an upstream whose pages never end. */
const MAX_PAGES = 50;

/**
 * Reads every page of a list, in order. Batch reads ask for one large page, so they normally cost one call; the
 * loop only runs further when the registry clamps the page size. A 404 on a list means an empty list.
 */
export async function getAllPages<T>(
  client: UpstreamClient,
  path: string,
  query: Record<string, QueryValue>,
  parse: (payload: unknown) => MappedPage<T>,
  context: CallContext,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const payload = await client.getJson(path, { ...context, query: { ...query, page, perPage: PAGE_SIZE } });
    if (isNotFound(payload)) return items;
    const mapped = parse(payload);
    items.push(...mapped.items);
    if (mapped.items.length === 0 || items.length >= mapped.total) return items;
  }
  throw malformedPayload(`more than ${MAX_PAGES} pages`);
}

/**
 * Groups items by every key they belong to, for batch answers keyed by unit code. An item joins each group once even
 * when `keysOf` names a key twice (a facility whose commune kept its code in the 2025 reform has the same old and
 * new commune code).
 */
export function groupBy<K, T>(
  keys: readonly K[],
  items: readonly T[],
  keysOf: (item: T) => readonly K[],
): Map<K, T[]> {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const item of items) for (const key of new Set(keysOf(item))) groups.get(key)?.push(item);
  return groups;
}
