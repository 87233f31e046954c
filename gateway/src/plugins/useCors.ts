import type { GatewayPlugin } from '../gatewayContext.js';

export interface CorsOptions {
  /** Exact origins allowed to call from browsers. */
  allowedOrigins: readonly string[];
  /** Preflight cache lifetime, seconds. */
  maxAgeSeconds: number;
  /** Response headers browsers may show to scripts (quota, cache, request id). */
  exposeHeaders?: readonly string[];
}

const allowHeaders = [
  'authorization',
  'content-type',
  'accept',
  'x-purpose',
  'x-case-id',
  'x-request-id',
  'traceparent',
  'graphql-preflight',
  'x-requested-with',
];

const defaultExpose = [
  'x-request-id',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'x-cost-estimate',
  'x-cost-remaining-minute',
  'x-cost-remaining-day',
  'age',
];

function stripCors(headers: Headers): void {
  for (const name of [...headers.keys()]) if (name.startsWith('access-control-')) headers.delete(name);
}

/**
 * CORS with an allow-list: only listed origins get `Access-Control-Allow-*` (never `*`, never a reflected foreign
 * origin), on preflights and on answers. Whatever CORS headers anything else set are replaced, so this list is
 * the only one that counts.
 */
export function useCors(options: CorsOptions): GatewayPlugin {
  const allowed = new Set(options.allowedOrigins);
  const expose = (options.exposeHeaders ?? defaultExpose).join(', ');
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method')) return;
      // A preflight: answered here for allowed origins (headers added in onResponse), refused for the rest.
      const origin = request.headers.get('origin');
      endResponse(new Response(null, { status: origin !== null && allowed.has(origin) ? 204 : 403 }));
    },
    onResponse({ request, response }) {
      const origin = request.headers.get('origin');
      stripCors(response.headers);
      response.headers.append('vary', 'Origin');
      if (origin === null || !allowed.has(origin)) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-expose-headers', expose);
      if (request.method === 'OPTIONS') {
        response.headers.set('access-control-allow-methods', 'GET, POST');
        response.headers.set('access-control-allow-headers', allowHeaders.join(', '));
        response.headers.set('access-control-max-age', String(options.maxAgeSeconds));
      }
    },
  };
}
