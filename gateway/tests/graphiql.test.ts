import { describe, expect, it } from '@jest/globals';
import { createTestGateway } from './testGateway.js';

describe('GraphiQL', () => {
  it('is served to browsers on the GraphQL path in development mode', async () => {
    const { gateway, supergraph } = await createTestGateway({ dev: true });
    const response = await gateway.fetch('http://gateway/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/graphiql/i);
    await supergraph.close();
  });

  it('is not served outside development mode', async () => {
    const { gateway, supergraph } = await createTestGateway({ dev: false });
    const response = await gateway.fetch('http://gateway/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toMatch(/graphiql/i);
    await supergraph.close();
  });
});
