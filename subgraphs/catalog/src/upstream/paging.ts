import type { UpstreamPage } from './mapping.js';

/** The service's largest page. */
export const MAX_PAGE_SIZE = 500;
/** A guard against a service that keeps reporting more items than it sends. */
const MAX_PAGES = 20;

/** Reads every page of a list (one call when it fits in one page, as every list of this province does). */
export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<UpstreamPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await fetchPage(page, MAX_PAGE_SIZE);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

/**
 * Reads items [offset, offset + count) from a page/pageSize API: one call when the window lines up with a page,
 * two when it straddles a page boundary.
 */
export async function fetchWindow<T>(
  offset: number,
  count: number,
  fetchPage: (page: number, pageSize: number) => Promise<UpstreamPage<T>>,
): Promise<UpstreamPage<T>> {
  const firstPage = Math.floor(offset / count) + 1;
  const first = await fetchPage(firstPage, count);
  const skip = offset - (firstPage - 1) * count;
  let items = first.items.slice(skip);
  if (skip > 0 && items.length > 0 && offset + items.length < first.total) {
    const second = await fetchPage(firstPage + 1, count);
    items = [...items, ...second.items.slice(0, skip)];
  }
  return { items, total: first.total };
}
