import { ErrorCode } from '@lgsp/schema';
import type { GatewayPlugin } from '../gatewayContext.js';
import { refusalResponse } from '../limits/refusals.js';

export interface CsrfOptions {
  /** Headers whose presence proves a preflighted request (lower case). */
  requiredHeaders: readonly string[];
}

/** Media types a browser may POST cross-site without a preflight (HTML forms). */
const simpleMediaTypes = new Set([
  '',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);

/**
 * CSRF prevention: a request a browser could send from another site without a CORS preflight (a GET, or a POST
 * with a form media type) is refused with 400 `BAD_REQUEST` (`reason: CSRF_PREFLIGHT_REQUIRED`) unless it carries
 * a header such a request cannot have: `Authorization`, or one of `requiredHeaders` (e.g. `GraphQL-Preflight: 1`).
 * JSON POSTs are always preflighted, so they pass.
 */
export function useCsrf(options: CsrfOptions): GatewayPlugin {
  return {
    onRequestParse({ request, endResponse }) {
      const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const simple = request.method === 'GET' || simpleMediaTypes.has(mediaType);
      if (!simple || request.headers.has('authorization')) return;
      if (options.requiredHeaders.some((name) => request.headers.has(name))) return;
      const message = `This request could come from another site: send it with one of the headers ${options.requiredHeaders.join(', ')}`;
      endResponse(refusalResponse(ErrorCode.BAD_REQUEST, message, { reason: 'CSRF_PREFLIGHT_REQUIRED' }));
    },
  };
}
