import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { createEgovSubgraph, loadEgovConfig, type EgovSubgraph } from '../src/index.js';

// Only the refusal is tested here (the kit's own tests cover verification); no upstream is needed for it.
const { publicKey } = generateKeyPairSync('ed25519');
const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: randomUUID() } as JsonWebKey;

let subgraph: EgovSubgraph;
beforeAll(async () => {
  const config = loadEgovConfig(
    { port: 0, logLevel: 'silent', upstream: { baseUrl: 'http://127.0.0.1:9' } },
    {},
  );
  subgraph = await createEgovSubgraph(config, { gatewayTrust: { keys: [publicJwk] } });
});
afterAll(() => subgraph.close());

const post = (headers: Record<string, string>) =>
  fetch(subgraph.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

describe('egov subgraph with gatewayTrust', () => {
  it('refuses a direct call without the gateway assertion with 401 UNAUTHENTICATED', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED', subgraph: 'egov' } })],
    });
  });

  it('refuses an assertion it cannot verify', async () => {
    const response = await post({ 'x-lgsp-gateway-assertion': 'eyJhbGciOiJub25lIn0.e30.' });
    expect(response.status).toBe(401);
  });
});
