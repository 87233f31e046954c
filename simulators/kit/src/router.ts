import type { IncomingHttpHeaders } from 'node:http';

/** What a route handler receives. */
export interface SimRequest {
  method: string;
  /** The path without the query string, e.g. `/api/communes/04978`. */
  path: string;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw request body (UTF-8); `''` when there is none. */
  body: string;
  /** The `x-request-id` header, if the caller sent one. */
  requestId: string | undefined;
}

/** What a route handler answers; build it with `json()`, `xml()`, `text()` or `notFound()`. */
export interface SimReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type RouteHandler = (request: SimRequest) => SimReply | Promise<SimReply>;

export interface Route {
  method: string;
  /** Segments separated by `/`; `:name` captures one segment, a final `*` captures the rest (`params['*']`). */
  pattern: string;
  handler: RouteHandler;
}

/** Declares a route: `route('GET', '/api/communes/:code', handler)`. */
export function route(method: string, pattern: string, handler: RouteHandler): Route {
  return { method: method.toUpperCase(), pattern, handler };
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const expected = splitPath(pattern);
  const actual = splitPath(path);
  const params: Record<string, string> = {};
  for (let index = 0; index < expected.length; index += 1) {
    const segment = expected[index]!;
    if (segment === '*' && index === expected.length - 1) {
      params['*'] = actual.slice(index).map(decodeURIComponent).join('/');
      return params;
    }
    const value = actual[index];
    if (value === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return actual.length === expected.length ? params : undefined;
}

/** Finds the first route (in declaration order) whose method and pattern match. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method.toUpperCase()) continue;
    const params = matchPattern(candidate.pattern, path);
    if (params) return { route: candidate, params };
  }
  return undefined;
}
