import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { createLocalJWKSet } from 'jose';
import { createGatewayAssertionVerifier } from '@lgsp/schema';
import { authConfigSchema, type AuthConfigInput } from '../../src/auth/authConfig.js';
import { createAuthService, type AuthService } from '../../src/auth/createAuthService.js';
import {
  accessClaims,
  AUDIENCE,
  createTrustedKey,
  ISSUER,
  sign,
  type TrustedKey,
} from './fixtures/tokens.js';
import { schema, supergraphSdl } from './fixtures/supergraph.js';

const registryFile = new URL('../../../config/partners.json', import.meta.url).pathname;

async function serviceWith(key: TrustedKey, config: Partial<AuthConfigInput> = {}): Promise<AuthService> {
  return createAuthService({
    config: authConfigSchema.parse({
      issuer: ISSUER,
      audience: AUDIENCE,
      registryFile,
      watchRegistry: false,
      ...config,
    }),
    supergraphSdl,
    keys: createLocalJWKSet({ keys: [key.publicJwk] }),
  });
}

const request = (headers: Record<string, string> = {}, url = 'http://gw/graphql') =>
  new Request(url, { headers });

describe('createAuthService', () => {
  let key: TrustedKey;
  let service: AuthService;
  beforeAll(async () => {
    key = await createTrustedKey();
    service = await serviceWith(key);
  });
  afterAll(() => service.close());

  const bearer = async (clientId: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${await sign(key, accessClaims(clientId))}`,
    ...extra,
  });

  it('answers a request without a token with 401 and a bare Bearer challenge', async () => {
    const result = await service.authenticate(request());
    expect(result).toMatchObject({
      ok: false,
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="lgsp"' },
    });
    expect(result.ok ? undefined : result.error.toJSON()).toEqual({
      message: 'an access token is required (Authorization: Bearer)',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' },
    });
  });

  it('answers an expired token with 401 invalid_token, and a token in the URL with invalid_request', async () => {
    const expired = await sign(key, accessClaims('auditor', { exp: Math.floor(Date.now() / 1000) - 600 }));
    const result = await service.authenticate(request({ authorization: `Bearer ${expired}` }));
    expect(result.ok ? undefined : result.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const inUrl = await service.authenticate(request({}, `http://gw/graphql?access_token=${expired}`));
    expect(inUrl.ok ? undefined : inUrl.headers['www-authenticate']).toMatch(/error="invalid_request"/);
  });

  it('turns a valid token and an allowed purpose into an access context', async () => {
    const result = await service.authenticate(
      request(await bearer('partner-police', { 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV-118' })),
    );
    expect(result.ok && result.context).toMatchObject({
      principal: { clientId: 'partner-police' },
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'VV-118',
    });
  });

  it('refuses an unknown purpose with 403 and the reason', async () => {
    const result = await service.authenticate(
      request(await bearer('partner-police', { 'x-purpose': 'CURIOSITY' })),
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(result.ok ? undefined : result.error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      coordinate: 'X-Purpose',
    });
  });

  it('refuses a partner operation whole, but removes fields for the IOC front end', async () => {
    const health = await service.authenticate(request(await bearer('partner-health')));
    const ioc = await service.authenticate(request(await bearer('ioc-dashboard')));
    const document = parse('{ units { name } auditTrail { id } }');
    expect(
      service.authorize(schema, document, undefined, health.ok ? health.context : never()),
    ).toMatchObject({
      kind: 'refuse',
      status: 403,
    });
    const removal = service.authorize(schema, document, undefined, ioc.ok ? ioc.context : never());
    expect(removal.kind).toBe('remove');
    expect(removal.kind === 'remove' && removal.errors.map((error) => error.extensions['code'])).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('caches one contract per access key and masks unless the context may unmask', async () => {
    const police = await service.authenticate(request(await bearer('partner-police')));
    const context = police.ok ? police.context : never();
    expect(service.contract(schema, context)).toBe(service.contract(schema, { ...context }));
    const document = parse('{ incidents { reporterPhone } }');
    const data = { incidents: [{ reporterPhone: '0912345678' }] };
    expect(service.mask(schema, document, undefined, data, context)).toEqual(['Incident.reporterPhone']);
    expect(data.incidents[0]!.reporterPhone).toBe('0912***678');
    const clear = { incidents: [{ reporterPhone: '0912345678' }] };
    expect(
      service.mask(schema, document, undefined, clear, { ...context, purpose: 'LAW_ENFORCEMENT' }),
    ).toEqual([]);
    expect(clear.incidents[0]!.reporterPhone).toBe('0912345678');
  });

  it('signs the principal for each subgraph with its public keys published', async () => {
    const police = await service.authenticate(request(await bearer('partner-police')));
    const value = service.assertion(police.ok ? police.context : never(), 'police', 'req-9')!;
    const verifier = createGatewayAssertionVerifier({ keys: service.assertionKeys.keys, audience: 'police' });
    expect(verifier.verify(value)).toMatchObject({ azp: 'partner-police', rid: 'req-9' });
  });

  it('lets anonymous callers in only in optional mode, with UNAUTHENTICATED for protected fields', async () => {
    const optional = await serviceWith(key, { mode: 'optional' });
    const result = await optional.authenticate(request());
    expect(result).toMatchObject({ ok: true, context: { principal: { kind: 'anonymous' } } });
    const decision = optional.authorize(
      schema,
      parse('{ records { id } }'),
      undefined,
      result.ok ? result.context : never(),
    );
    expect(decision).toMatchObject({ kind: 'refuse', status: 401 });
    optional.close();
  });

  it('checks nothing when auth is off', async () => {
    const off = await createAuthService({
      config: authConfigSchema.parse({ mode: 'off', registryFile, watchRegistry: false }),
      supergraphSdl,
    });
    const result = await off.authenticate(request());
    expect(result.ok).toBe(true);
    expect(
      off.authorize(schema, parse('{ auditTrail { id } }'), undefined, result.ok ? result.context : never())
        .kind,
    ).toBe('allow');
    expect(off.contract(schema, result.ok ? result.context : never())).toBe(schema);
    off.close();
  });
  it("gives a registry entry's quota to the limits, and none to an unknown client", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lgsp-quota-'));
    try {
      const registry = JSON.parse(await readFile(registryFile, 'utf8')) as {
        clients: Record<string, Record<string, unknown>>;
      };
      registry.clients['partner-police']!['quota'] = { requestsPerMinute: 30, costPerDay: 100_000 };
      const file = join(dir, 'partners.json');
      await writeFile(file, JSON.stringify(registry));
      const withQuota = await serviceWith(key, { registryFile: file });
      expect(withQuota.quota('partner-police')).toEqual({ requestsPerMinute: 30, costPerDay: 100_000 });
      expect(withQuota.quota('partner-health')).toBeUndefined();
      expect(withQuota.quota('nobody')).toBeUndefined();
      withQuota.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function never(): never {
  throw new Error('unexpected authentication failure');
}
