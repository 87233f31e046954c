import { describe, expect, it } from '@jest/globals';
import { createSchema, createYoga } from 'graphql-yoga';
import { useMediaTypeGuard } from '../src/plugins/useMediaTypeGuard.js';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
  logging: false,
  plugins: [useMediaTypeGuard()],
});

const post = (contentType: string | undefined, body: string) =>
  yoga.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  });

describe('useMediaTypeGuard', () => {
  it.each(['application/json', 'application/json; charset=utf-8'])('accepts %s', async (type) => {
    const response = await post(type, '{"query":"{ ok }"}');
    expect(await response.json()).toEqual({ data: { ok: true } });
  });

  it('accepts application/graphql', async () => {
    expect(await (await post('application/graphql', '{ ok }')).json()).toEqual({ data: { ok: true } });
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', undefined])(
    'refuses %s with 415 and a JSON error naming what to send',
    async (type) => {
      const response = await post(type, 'query={ok}');
      expect(response.status).toBe(415);
      expect(response.headers.get('accept')).toBe('application/json, application/graphql');
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Unsupported media type: send the request body as application/json',
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
          },
        ],
      });
    },
  );

  it('leaves GET requests alone', async () => {
    const response = await yoga.fetch('http://gateway/graphql?query={ok}', {
      headers: { accept: 'application/json' },
    });
    expect(await response.json()).toEqual({ data: { ok: true } });
  });
});
