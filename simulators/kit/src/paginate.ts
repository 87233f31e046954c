/** One page of a list, with what a client needs to ask for the next one. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

export interface PagingOptions {
  /** Page size when the request names none. Default 20. */
  defaultPageSize?: number;
  /** Largest page size served; larger requests are clamped. Default 100. */
  maxPageSize?: number;
  /** Query parameter holding the 1-based page number. Default `page`. */
  pageParam?: string;
  /** Query parameter holding the page size. Default `pageSize`. */
  pageSizeParam?: string;
}

function positiveInt(raw: string | null, fallback: number): number {
  const value = raw === null ? NaN : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Cuts `items` into the page the query asks for (`?page=2&pageSize=50` by default). */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  options: PagingOptions = {},
): Page<T> {
  const maxPageSize = options.maxPageSize ?? 100;
  const pageSize = Math.min(
    positiveInt(query.get(options.pageSizeParam ?? 'pageSize'), options.defaultPageSize ?? 20),
    maxPageSize,
  );
  const page = positiveInt(query.get(options.pageParam ?? 'page'), 1);
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page,
    pageSize,
    total: items.length,
    totalPages: Math.max(1, Math.ceil(items.length / pageSize)),
  };
}
