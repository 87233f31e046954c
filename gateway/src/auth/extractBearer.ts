import { TokenError } from './tokenError.js';

/** Query parameters that would carry a token in the URL (RFC 6750 §2.3), refused so tokens never reach URL logs. */
const QUERY_TOKEN_PARAMETERS = ['access_token', 'token', 'id_token'];

/**
 * The bearer token of a request, from the `Authorization` header only; undefined when there is none.
 * A token in the query string is refused outright rather than ignored: the caller must learn it leaked its token.
 */
export function extractBearer(request: { headers: Headers; url: string }): string | undefined {
  const query = new URL(request.url, 'http://localhost').searchParams;
  if (QUERY_TOKEN_PARAMETERS.some((name) => query.has(name))) throw new TokenError('TOKEN_IN_QUERY');
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  // Headers joins repeated fields with ", "; two credentials are ambiguous and refused.
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  if (match === null) throw new TokenError('TOKEN_MALFORMED');
  return match[1];
}
