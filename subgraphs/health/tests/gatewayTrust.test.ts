import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { pino } from 'pino';
import { loadHealthConfig } from '../src/config.js';
import { createHealthSubgraph, type HealthSubgraph } from '../src/createHealthSubgraph.js';

// Only the refusal is tested here (the kit's own tests cover verification); no upstream is needed for it.
const { publicKey } = generateKeyPairSync('ed25519');
const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: randomUUID() } as JsonWebKey;

let subgraph: HealthSubgraph;
beforeAll(async () => {
  const config = loadHealthConfig({
    env: {},
    values: { port: 0, upstream: { baseUrl: 'http://127.0.0.1:9' } },
  });
  subgraph = await createHealthSubgraph(config, {
    listen: false,
    log: pino({ level: 'silent' }),
    gatewayTrust: { keys: [publicJwk] },
  });
});
afterAll(() => subgraph.close());

describe('health subgraph with gatewayTrust', () => {
  it('refuses a request that did not come through the gateway', async () => {
    const result = await subgraph.executeOperation({ query: '{ __typename }' });
    expect(result).toEqual({
      errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED', subgraph: 'health' } })],
    });
  });

  it('refuses an assertion it cannot verify', async () => {
    const result = await subgraph.executeOperation(
      { query: '{ __typename }' },
      { headers: { 'x-lgsp-gateway-assertion': 'eyJhbGciOiJub25lIn0.e30.' } },
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', subgraph: 'health' });
  });
});
