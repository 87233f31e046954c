import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID, sign, type JsonWebKey } from 'node:crypto';
import { pino } from 'pino';
import { createSubgraphServer, type SubgraphContext, type SubgraphServer } from '../src/index.js';

// The gateway's signer lives in gateway/; this test signs assertions by hand, as the gateway does.
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const kid = randomUUID();
const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid } as JsonWebKey;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function assertion(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'EdDSA', typ: 'lgsp-principal+jwt', kid });
  const payload = encode({
    iss: 'lgsp-gateway',
    aud: 'health',
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
    principal: 'client',
    azp: 'so-y-te',
    scope: ['health:read'],
    purpose: 'dieu-tra-dich-te',
    ...claims,
  });
  return `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`;
}

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    caller: String
  }
`;

let subgraph: SubgraphServer;

beforeAll(async () => {
  subgraph = await createSubgraphServer({
    name: 'health',
    typeDefs,
    log: pino({ level: 'silent' }),
    gatewayTrust: { keys: [publicJwk] },
    resolvers: {
      Query: {
        caller: (_: unknown, __: unknown, { principal }: SubgraphContext) =>
          `${principal?.azp}:${principal?.scope.join(',')}:${principal?.purpose}`,
      },
    },
  });
});
afterAll(() => subgraph.close());

async function post(headers: Record<string, string>) {
  const response = await fetch(subgraph.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ caller }' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refusal = {
  errors: [
    {
      message: 'Request did not come through the gateway',
      extensions: { code: 'UNAUTHENTICATED', subgraph: 'health' },
    },
  ],
};

describe('gateway trust', () => {
  it('gives resolvers the principal the gateway asserted', async () => {
    const { status, body } = await post({ 'x-lgsp-gateway-assertion': assertion() });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { caller: 'so-y-te:health:read:dieu-tra-dich-te' } });
  });

  it('refuses a request without an assertion with 401 UNAUTHENTICATED', async () => {
    expect(await post({})).toEqual({ status: 401, body: refusal });
  });

  it('refuses an assertion addressed to another subgraph, or expired, or tampered with', async () => {
    expect(await post({ 'x-lgsp-gateway-assertion': assertion({ aud: 'police' }) })).toEqual({
      status: 401,
      body: refusal,
    });
    expect(await post({ 'x-lgsp-gateway-assertion': assertion({ exp: 1, iat: 0 }) })).toMatchObject({
      status: 401,
    });
    const [header, , signature] = assertion().split('.');
    const forged = `${header}.${encode({ aud: 'health', scope: ['pii:read'] })}.${signature}`;
    expect(await post({ 'x-lgsp-gateway-assertion': forged })).toMatchObject({ status: 401 });
  });

  it('applies the same check in-process', async () => {
    expect(await subgraph.executeOperation({ query: '{ caller }' })).toEqual(refusal);
    const result = await subgraph.executeOperation(
      { query: '{ caller }' },
      { headers: { 'x-lgsp-gateway-assertion': assertion() } },
    );
    expect(result.data).toEqual({ caller: 'so-y-te:health:read:dieu-tra-dich-te' });
  });

  it('keeps the health route open', async () => {
    const response = await fetch(subgraph.url!.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
  });
});
