import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet } from 'jose';
import { pino } from 'pino';
import { startHub, type Hub } from '../../tests/fixtures/federation/startHub.js';
import { createAuthService, type AuthService } from '../src/auth/createAuthService.js';
import { parseConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/createGateway.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';
import {
  accessClaims,
  AUDIENCE,
  createTrustedKey,
  ISSUER,
  sign,
  type TrustedKey,
} from './auth/fixtures/tokens.js';
import { scrape, valueOf } from './metricsText.js';

const registryFile = fileURLToPath(new URL('../../config/partners.json', import.meta.url));
const log = pino({ level: 'silent' });
let hub: Hub;
let key: TrustedKey;
let manager: SupergraphManager;
let auth: AuthService;

beforeAll(async () => {
  hub = await startHub();
  key = await createTrustedKey();
  const config = parseConfig({
    supergraph: { path: hub.supergraphPath, watch: false },
    auth: { issuer: ISSUER, audience: AUDIENCE, registryFile, watchRegistry: false },
  });
  manager = await createSupergraphManager(config, log);
  auth = await createAuthService({
    config: config.auth,
    supergraphSdl: hub.supergraphSdl,
    keys: createLocalJWKSet({ keys: [key.publicJwk] }),
  });
});
afterAll(async () => {
  auth.close();
  await manager.close();
  await hub.close();
});

function gatewayWith(perClientLabels: boolean): Gateway {
  const config = parseConfig({
    supergraph: { path: hub.supergraphPath, watch: false },
    auth: { issuer: ISSUER, audience: AUDIENCE, registryFile, watchRegistry: false },
    metrics: { perClientLabels, processMetrics: false },
  });
  return createGateway(config, { supergraph: manager, log, auth });
}

async function post(gateway: Gateway, client?: string) {
  const token = client === undefined ? undefined : await sign(key, accessClaims(client));
  return gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: '{ units { code } }' }),
  });
}

describe('metrics with authentication required', () => {
  it('serves /metrics without a token and counts refused requests as UNAUTHENTICATED', async () => {
    const gateway = gatewayWith(false);
    expect((await post(gateway)).status).toBe(401);
    const samples = await scrape(gateway);
    const labels = { operation_type: 'unknown', outcome: 'error', code: 'UNAUTHENTICATED' };
    expect(valueOf(samples, 'lgsp_gateway_requests_total', labels)).toBe(1);
    expect(samples.some((s) => 'client' in s.labels)).toBe(false);
  });

  it('labels requests with the partner client id only when perClientLabels is set', async () => {
    const gateway = gatewayWith(true);
    expect((await post(gateway, 'partner-health')).status).toBe(200);
    expect((await post(gateway)).status).toBe(401);
    const samples = await scrape(gateway);
    const ok = { operation_type: 'query', outcome: 'success', code: 'none', client: 'partner-health' };
    expect(valueOf(samples, 'lgsp_gateway_requests_total', ok)).toBe(1);
    expect(valueOf(samples, 'lgsp_gateway_requests_total', { code: 'UNAUTHENTICATED', client: 'none' })).toBe(
      1,
    );
    expect(
      valueOf(samples, 'lgsp_gateway_request_duration_seconds_count', { client: 'partner-health' }),
    ).toBe(1);
  });
});
