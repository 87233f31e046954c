import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Gateway } from '../src/createGateway.js';
import type { SupergraphManager } from '../src/supergraph/createSupergraphManager.js';
import { createTestGateway } from './testGateway.js';

let gateway: Gateway;
let supergraph: SupergraphManager;
beforeAll(async () => {
  ({ gateway, supergraph } = await createTestGateway());
});
afterAll(() => supergraph.close());

const post = (headers: Record<string, string> = {}) =>
  gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"query":"{ __typename }"}',
  });

describe('useRequestId', () => {
  it('generates a UUID request id and returns it in x-request-id', async () => {
    const response = await post();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives two requests two different ids', async () => {
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it("passes on the client's well-formed request id", async () => {
    const response = await post({ 'x-request-id': 'ioc-web.2026-11-25:42' });
    expect(response.headers.get('x-request-id')).toBe('ioc-web.2026-11-25:42');
  });

  it.each(['', 'has space', 'x'.repeat(129), 'line\u2028break', '<script>'])(
    'replaces a malformed client id (%j) by a generated one',
    async (id) => {
      const response = await post({ 'x-request-id': id });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('tags refused and health responses too', async () => {
    const refused = await gateway.fetch('http://gateway/graphql', { method: 'POST', body: 'x' });
    const health = await gateway.fetch('http://gateway/healthz');
    expect(refused.headers.get('x-request-id')).toBeTruthy();
    expect(health.headers.get('x-request-id')).toBeTruthy();
  });
});
