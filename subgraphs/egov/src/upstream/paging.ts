import type { Slice } from '../model.js';

/** What every upstream call carries. */
export interface CallContext {
  /** Forwarded as `x-request-id`. */
  requestId: string;
}

type FetchPage<T> = (page: number, pageSize: number) => Promise<{ items: T[]; totalCount: number }>;

/**
 * Reads items [offset, offset + limit) from an upstream that pages by number (`trang`, 1-based) and size
 * (`soBanGhi`). When the offset is a multiple of the limit (always, for cursors this subgraph hands out) that is one
 * call; otherwise the two pages that cover the window.
 */
export async function fetchSlice<T>(
  window: { offset: number; limit: number },
  fetchPage: FetchPage<T>,
): Promise<Slice<T>> {
  const { offset, limit } = window;
  const firstPage = Math.floor(offset / limit) + 1;
  const skip = offset % limit;
  const first = await fetchPage(firstPage, limit);
  let items = first.items.slice(skip);
  if (skip > 0 && items.length < limit && offset + items.length < first.totalCount) {
    const second = await fetchPage(firstPage + 1, limit);
    items = [...items, ...second.items];
  }
  return { items: items.slice(0, limit), offset, totalCount: first.totalCount };
}
