import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Gateway } from '../src/createGateway.js';
import type { SupergraphManager } from '../src/supergraph/createSupergraphManager.js';
import { createTestGateway } from './testGateway.js';

let gateway: Gateway;
let supergraph: SupergraphManager;
/** No token limit to speak of, to reach the parser's own recursion limit. */
let bigGateway: Gateway;
let bigSupergraph: SupergraphManager;
beforeAll(async () => {
  ({ gateway, supergraph } = await createTestGateway({ server: { maxBodyBytes: 2048, maxTokens: 200 } }));
  ({ gateway: bigGateway, supergraph: bigSupergraph } = await createTestGateway({
    server: { maxTokens: 1e7 },
  }));
});
afterAll(async () => {
  await supergraph.close();
  await bigSupergraph.close();
});

const url = 'http://gateway/graphql';
const json = { 'content-type': 'application/json', accept: 'application/json' };

async function call(init: RequestInit, target = url, via: Gateway = gateway) {
  const response = await via.fetch(target, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('GraphQL over HTTP', () => {
  it('answers a POST JSON query', async () => {
    const r = await call({ method: 'POST', headers: json, body: '{"query":"{ __typename }"}' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a GET query', async () => {
    const r = await call(
      { method: 'GET', headers: { accept: 'application/json' } },
      `${url}?query={__typename}`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers in application/graphql-response+json when the client asks for it', async () => {
    const r = await call({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(r.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(r.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a mutation over GET with 405 METHOD_NOT_ALLOWED', async () => {
    const query = encodeURIComponent('mutation { rename(code: "17", name: "x") }');
    const r = await call({ method: 'GET', headers: { accept: 'application/json' } }, `${url}?query=${query}`);
    expect(r.status).toBe(405);
    expect(r.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses malformed JSON with 400 and a clear message that does not echo the body', async () => {
    const r = await call({ method: 'POST', headers: json, body: '{"query": "{ secret' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('refuses a body over the configured size with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(4096) } });
    const r = await call({ method: 'POST', headers: json, body });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
  ])('refuses a %s body with 415 UNSUPPORTED_MEDIA_TYPE', async (type) => {
    const r = await call({ method: 'POST', headers: { 'content-type': type }, body: 'query={__typename}' });
    expect(r.status).toBe(415);
    expect(r.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a POST without a content type with 415', async () => {
    const r = await call({ method: 'POST', body: '{"query":"{ __typename }"}' });
    expect(r.status).toBe(415);
  });

  it('refuses other methods with 405', async () => {
    const r = await call({ method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' });
    expect(r.status).toBe(405);
    expect(r.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses an invalid query with GRAPHQL_VALIDATION_FAILED and 400 for graphql-response+json clients', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    const r = await call({ method: 'POST', headers, body: '{"query":"{ nope }"}' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers an invalid query with 200 to legacy application/json clients, as GraphQL over HTTP requires', async () => {
    const r = await call({ method: 'POST', headers: json, body: '{"query":"{ nope }"}' });
    expect(r.status).toBe(200);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an unparsable query with GRAPHQL_PARSE_FAILED', async () => {
    const r = await call({ method: 'POST', headers: json, body: '{"query":"{ unitName("}' });
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('hostile bodies', () => {
  const bodies = [
    '',
    'null',
    '[]',
    '[{"query":"{__typename}"}]',
    '"just a string"',
    '{"query":5}',
    '{"query":"{__typename}","variables":"x"}',
    '{"query":"{__typename}","variables":[1]}',
    '{"query":"{__typename}","operationName":7}',
    '{"query":"{__typename}","extensions":"x"}',
    '{"__proto__":{"polluted":true},"query":"{__typename}"}',
    '{"query":"' + '{a'.repeat(500) + '"}',
    '\u0000\u0001\u0002',
    '{"query":"\\ud800"}',
  ];

  it.each(bodies.map((b, i) => [i, b]))(
    'answers body #%i with a JSON error, never a crash',
    async (_i, body) => {
      const r = await call({ method: 'POST', headers: json, body: body as string });
      expect(r.status).toBeGreaterThanOrEqual(200);
      expect(r.status).toBeLessThan(500);
      expect(r.body.errors?.length ?? 0).toBeGreaterThanOrEqual(r.body.data ? 0 : 1);
      expect(r.text).not.toMatch(/\bat [\w.<>]+ \(|node_modules/);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('refuses a document nested deeper than server.maxDepth with GRAPHQL_VALIDATION_FAILED', async () => {
    const query = `{ unitName(code: "1") ${'{ a '.repeat(40)}${'}'.repeat(40)} }`;
    const r = await call({ method: 'POST', headers: json, body: JSON.stringify({ query }) });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        message: 'Document is nested deeper than 32 levels',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('refuses a document over server.maxTokens with GRAPHQL_PARSE_FAILED', async () => {
    const query = `{ ${'a: __typename '.repeat(100)}}`;
    const r = await call({ method: 'POST', headers: json, body: JSON.stringify({ query }) });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a document nested deeper than the parser can go, without a crash', async () => {
    const query = `{${'a{'.repeat(100_000)}${'}'.repeat(100_001)}`;
    const r = await call({ method: 'POST', headers: json, body: JSON.stringify({ query }) }, url, bigGateway);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { message: 'Document is nested too deeply', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
  });

  it('still answers after all of them', async () => {
    const r = await call({ method: 'POST', headers: json, body: '{"query":"{ __typename }"}' });
    expect(r.body).toEqual({ data: { __typename: 'Query' } });
  });
});
