// In-process stand-ins for the gateway and the token endpoint (Request → Response, no ports), recording what the
// SDK sent so tests can assert the exact wire format.

export interface Recorded {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | URLSearchParams;
}

export type Handler = (request: Request, body: Recorded['body']) => Response | Promise<Response>;

export const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/graphql-response+json', ...headers },
  });

/** A fetch that routes by URL prefix to handlers and records every request. */
export function createFakeFetch(routes: Record<string, Handler>) {
  const requests: Recorded[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    const type = request.headers.get('content-type') ?? '';
    const body = type.includes('x-www-form-urlencoded')
      ? new URLSearchParams(text)
      : text === ''
        ? {}
        : (JSON.parse(text) as Record<string, unknown>);
    const recorded = { url: request.url, headers: Object.fromEntries(request.headers), body };
    requests.push(recorded);
    const route = Object.keys(routes).find((prefix) => request.url.startsWith(prefix));
    if (route === undefined) return new Response('not found', { status: 404 });
    return routes[route]!(request, body);
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

/** A token endpoint answering client-credentials grants with numbered tokens. */
export function tokenEndpoint(expiresInSeconds = 300) {
  let issued = 0;
  const handler: Handler = () => {
    issued += 1;
    return json({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresInSeconds });
  };
  return { handler, issued: () => issued };
}
