import { ErrorCode, httpStatusOf } from '@lgsp/schema';
import type { GatewayPlugin } from '../gatewayContext.js';

/** Request media types a GraphQL POST may use: GraphQL over HTTP's JSON (and yoga's `application/graphql`). */
const accepted = new Set(['application/json', 'application/graphql']);

function mediaTypeOf(request: Request): string {
  // Compared as sent: yoga's own parsers match the lower-case types only, and the two must agree.
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
}

/**
 * Refuses a POST whose body is not JSON with 415 and a JSON error naming the accepted types (yoga alone answers an
 * empty 415, and would also take multipart and form bodies, which this gateway does not serve).
 */
export function useMediaTypeGuard(): GatewayPlugin {
  return {
    onRequestParse({ request, endResponse }) {
      if (request.method !== 'POST' || accepted.has(mediaTypeOf(request))) return;
      const code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      const message = 'Unsupported media type: send the request body as application/json';
      endResponse(
        new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
          status: httpStatusOf[code],
          headers: { 'content-type': 'application/json; charset=utf-8', accept: [...accepted].join(', ') },
        }),
      );
    },
  };
}
