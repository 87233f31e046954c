import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createClient, isLgspError, type LgspError } from '../src/index.js';
import { DistrictDashboardDocument, HealthDiseaseCasesDocument } from '../src/generated/graphql.js';
import { createFakeFetch, json, tokenEndpoint, type Recorded } from './fakeHub.js';

const GATEWAY = 'http://gateway.test/graphql';
const TOKEN = 'http://issuer.test/token';
const period = { from: '2026-01-01', to: '2026-11-24' };
const manifest = JSON.parse(
  readFileSync(new URL('../src/generated/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const bodyOf = (recorded: Recorded) => recorded.body as Record<string, unknown>;

describe('createClient sends operations as trusted documents', () => {
  it('sends a catalogue operation by its sha256 hash in the APQ shape, without the text', async () => {
    const tokens = tokenEndpoint();
    const hub = createFakeFetch({
      [TOKEN]: tokens.handler,
      [GATEWAY]: () => json({ data: { administrativeUnit: null } }),
    });
    const client = createClient({
      endpoint: GATEWAY,
      clientId: 'ioc-dashboard',
      clientSecret: 's3cret',
      tokenEndpoint: TOKEN,
      fetch: hub.fetch,
    });

    await expect(client.request(DistrictDashboardDocument, { code: '148', period })).resolves.toEqual({
      administrativeUnit: null,
    });
    const sent = bodyOf(hub.requests.find((r) => r.url === GATEWAY)!);
    expect(sent).toEqual({
      operationName: 'DistrictDashboard',
      variables: { code: '148', period },
      extensions: { persistedQuery: { version: 1, sha256Hash: DistrictDashboardDocument.__meta__!['hash'] } },
    });
    // The hash names the manifest entry the gateway loads (sdk/src/generated/persisted-documents.json).
    expect(manifest[DistrictDashboardDocument.__meta__!['hash'] as string]).toMatch(
      /^query DistrictDashboard\(/,
    );
  });

  it('sends the full text once when the gateway does not know the hash, if allowed', async () => {
    let calls = 0;
    const hub = createFakeFetch({
      [GATEWAY]: () =>
        ++calls === 1
          ? json(
              {
                errors: [
                  { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
                ],
              },
              400,
            )
          : json({ data: { diseaseCaseStats: [] } }),
    });
    const client = createClient({ endpoint: GATEWAY, getToken: async () => 't', fetch: hub.fetch });
    await expect(client.request(HealthDiseaseCasesDocument, { unitCode: '148' })).resolves.toEqual({
      diseaseCaseStats: [],
    });
    expect(hub.requests).toHaveLength(2);
    expect(bodyOf(hub.requests[1]!)['query']).toMatch(/^\s*query HealthDiseaseCases\(/);
    expect(bodyOf(hub.requests[1]!)['extensions']).toBeUndefined();
  });

  it('stops hashing once a gateway without persisted documents refuses a hash-only request', async () => {
    const hub = createFakeFetch({
      [GATEWAY]: (_request, body) =>
        (body as Record<string, unknown>)['query'] === undefined
          ? json(
              { errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }] },
              400,
            )
          : json({ data: { diseaseCaseStats: [] } }),
    });
    const client = createClient({ endpoint: GATEWAY, fetch: hub.fetch });
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    expect(hub.requests.map((r) => typeof bodyOf(r)['query'])).toEqual(['undefined', 'string', 'string']);
  });

  it("never sends the text in 'persisted' mode (partners limited to trusted documents)", async () => {
    const hub = createFakeFetch({
      [GATEWAY]: () =>
        json(
          {
            errors: [
              { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
            ],
          },
          400,
        ),
    });
    const client = createClient({ endpoint: GATEWAY, documentMode: 'persisted', fetch: hub.fetch });
    const error = (await client
      .request(HealthDiseaseCasesDocument, { unitCode: '148' })
      .catch((e: unknown) => e)) as LgspError;
    expect(error.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(hub.requests).toHaveLength(1);
    expect(bodyOf(hub.requests[0]!)['query']).toBeUndefined();
  });

  it('sends the purpose and case id headers, per client or per request', async () => {
    const hub = createFakeFetch({ [GATEWAY]: () => json({ data: { diseaseCaseStats: [] } }) });
    const client = createClient({
      endpoint: GATEWAY,
      purpose: 'PUBLIC_HEALTH',
      caseId: 'DB-2026-07',
      fetch: hub.fetch,
      documentMode: 'document',
    });
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    await client.request(
      HealthDiseaseCasesDocument,
      { unitCode: '148' },
      { purpose: 'EMERGENCY_RESPONSE', caseId: 'CC-1' },
    );
    expect(hub.requests.map((r) => [r.headers['x-purpose'], r.headers['x-case-id']])).toEqual([
      ['PUBLIC_HEALTH', 'DB-2026-07'],
      ['EMERGENCY_RESPONSE', 'CC-1'],
    ]);
  });
});

describe('createClient handles tokens', () => {
  it('shares one token request among concurrent operations and reuses the token', async () => {
    const tokens = tokenEndpoint();
    const hub = createFakeFetch({
      [TOKEN]: tokens.handler,
      [GATEWAY]: () => json({ data: { diseaseCaseStats: [] } }),
    });
    const client = createClient({
      endpoint: GATEWAY,
      clientId: 'partner-health',
      clientSecret: 'x',
      tokenEndpoint: TOKEN,
      fetch: hub.fetch,
    });
    await Promise.all([1, 2, 3].map(() => client.request(HealthDiseaseCasesDocument, { unitCode: '148' })));
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    expect(tokens.issued()).toBe(1);
    const grant = hub.requests.find((r) => r.url === TOKEN)!;
    expect((grant.body as URLSearchParams).get('grant_type')).toBe('client_credentials');
    expect(grant.headers['authorization']).toBe(`Basic ${btoa('partner-health:x')}`);
    expect(
      hub.requests
        .filter((r) => r.url === GATEWAY)
        .every((r) => r.headers['authorization'] === 'Bearer token-1'),
    ).toBe(true);
  });

  it('renews the token before it expires (at most half its lifetime early)', async () => {
    let nowMs = 1_000_000;
    const tokens = tokenEndpoint(20);
    const hub = createFakeFetch({
      [TOKEN]: tokens.handler,
      [GATEWAY]: () => json({ data: { diseaseCaseStats: [] } }),
    });
    const client = createClient({
      endpoint: GATEWAY,
      clientId: 'partner-health',
      clientSecret: 'x',
      tokenEndpoint: TOKEN,
      fetch: hub.fetch,
      now: () => nowMs,
    });
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    nowMs += 9_000; // 11 s left of 20: still used
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    nowMs += 2_000; // 9 s left: under half the lifetime, renewed
    await client.request(HealthDiseaseCasesDocument, { unitCode: '148' });
    expect(hub.requests.filter((r) => r.url === GATEWAY).map((r) => r.headers['authorization'])).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('retries once with a fresh token when the gateway refuses the token, then reports UNAUTHENTICATED', async () => {
    const refusals: string[] = [];
    const hub = createFakeFetch({
      [GATEWAY]: (request) => {
        refusals.push(request.headers.get('authorization')!);
        return json(
          {
            errors: [
              { message: 'Token expired', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } },
            ],
          },
          401,
        );
      },
    });
    const asked: boolean[] = [];
    const client = createClient({
      endpoint: GATEWAY,
      fetch: hub.fetch,
      getToken: async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return `t${asked.length}`;
      },
    });
    const error = (await client
      .request(HealthDiseaseCasesDocument, { unitCode: '148' })
      .catch((e: unknown) => e)) as LgspError;
    expect(asked).toEqual([false, true]);
    expect(refusals).toEqual(['Bearer t1', 'Bearer t2']);
    expect(isLgspError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED', status: 401 });
  });

  it('reports a refused token request as TOKEN_REQUEST_FAILED without the secret', async () => {
    const hub = createFakeFetch({ [TOKEN]: () => json({ error: 'invalid_client' }, 401) });
    const client = createClient({
      endpoint: GATEWAY,
      clientId: 'partner-health',
      clientSecret: 'hunter2',
      tokenEndpoint: TOKEN,
      fetch: hub.fetch,
    });
    const error = (await client
      .request(HealthDiseaseCasesDocument, { unitCode: '148' })
      .catch((e: unknown) => e)) as LgspError;
    expect(error).toMatchObject({ code: 'TOKEN_REQUEST_FAILED', status: 401 });
    expect(error.message).toBe('token request for partner-health failed: invalid_client');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});
