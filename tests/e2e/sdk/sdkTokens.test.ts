import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type LgspError } from '@lgsp/sdk';
import { HealthDiseaseCasesDocument } from '@lgsp/sdk/contracts/partner-health';
import { expiryOf, startSdkHub, waitUntil, type SdkHub } from './sdkHub.js';

/** Short enough to expire within a test, long enough for a request under load. */
const TOKEN_TTL_SECONDS = 3;

let sdk: SdkHub;
beforeAll(async () => {
  // clockToleranceSeconds 0: the gateway refuses a token the moment it expires, so expiry is observable in a test.
  sdk = await startSdkHub({
    issuer: { accessTokenTtlSeconds: TOKEN_TTL_SECONDS },
    auth: { clockToleranceSeconds: 0 },
  });
}, 120_000);
afterAll(() => sdk?.close());

/** A fetch that remembers the bearer tokens the SDK sent to the gateway. */
function recordingFetch(graphqlUrl: string) {
  const sent: string[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    if (String(input) === graphqlUrl) sent.push(headers.get('authorization')!.slice('Bearer '.length));
    return fetch(input, init);
  };
  return { fetch: fetchFn, sent };
}

// Keycloak puts a client's default scopes in every token; the dev issuer grants what is asked, so ask.
const HEALTH_SCOPES = ['catalog:read', 'health:read'];

const variables = { unitCode: '148', disease: 'DENGUE' as const, fromWeek: '2025-W20', toWeek: '2025-W23' };

describe('the SDK fetches and renews its own tokens from the real dev issuer', () => {
  it('finds the token endpoint through OIDC discovery and reads health data as Sở Y tế', async () => {
    const client = createClient({
      endpoint: sdk.hub.graphqlUrl,
      issuer: sdk.issuer.issuer,
      clientId: 'partner-health',
      clientSecret: sdk.secretOf('partner-health'),
      scopes: HEALTH_SCOPES,
      documentMode: 'document',
    });
    const data = await client.request(HealthDiseaseCasesDocument, variables);
    expect(data.diseaseCaseStats?.map((week) => week.isoWeek)).toEqual([
      '2025-W20',
      '2025-W21',
      '2025-W22',
      '2025-W23',
    ]);
    expect(
      data.diseaseCaseStats?.every((week) => week.disease === 'DENGUE' && week.unit.code === '148'),
    ).toBe(true);
    // (Reuse of a cached token is asserted in sdk/tests with a clock; here tokens live 3 s, too short to assert it.)
    expect(client.tokens?.requests).toBe(1);
  });

  it('replaces a token that expired between two calls without the caller noticing', async () => {
    const recorder = recordingFetch(sdk.hub.graphqlUrl);
    const client = createClient({
      endpoint: sdk.hub.graphqlUrl,
      tokenEndpoint: sdk.issuer.tokenEndpoint,
      clientId: 'partner-health',
      clientSecret: sdk.secretOf('partner-health'),
      scopes: HEALTH_SCOPES,
      documentMode: 'document',
      fetch: recorder.fetch,
    });
    await client.request(HealthDiseaseCasesDocument, variables);
    const first = recorder.sent[0]!;
    await waitUntil(() => Date.now() / 1000 > expiryOf(first) + 1);

    const data = await client.request(HealthDiseaseCasesDocument, variables);
    expect(data.diseaseCaseStats).toHaveLength(4);
    expect(recorder.sent).toHaveLength(2);
    expect(recorder.sent[1]).not.toBe(first);
    // The first token really is dead: the gateway refuses it now.
    const stale = await sdk.hub.query(
      '{ notifiableDiseases { disease } }',
      {},
      { authorization: `Bearer ${first}` },
    );
    expect(stale.status).toBe(401);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('retries once with a new token when the gateway refuses one the SDK still believed valid', async () => {
    const recorder = recordingFetch(sdk.hub.graphqlUrl);
    const frozenMs = Date.now();
    const client = createClient({
      endpoint: sdk.hub.graphqlUrl,
      tokenEndpoint: sdk.issuer.tokenEndpoint,
      clientId: 'partner-health',
      clientSecret: sdk.secretOf('partner-health'),
      scopes: HEALTH_SCOPES,
      documentMode: 'document',
      fetch: recorder.fetch,
      // The SDK's clock stands still (a suspended laptop, a skewed clock): it never renews on its own.
      now: () => frozenMs,
    });
    await client.request(HealthDiseaseCasesDocument, variables);
    await waitUntil(() => Date.now() / 1000 > expiryOf(recorder.sent[0]!) + 1);

    const data = await client.request(HealthDiseaseCasesDocument, variables);
    expect(data.diseaseCaseStats).toHaveLength(4);
    // Sent: the first token (accepted), the first again (refused: expired), a fresh one (accepted).
    expect(recorder.sent).toHaveLength(3);
    expect(recorder.sent[1]).toBe(recorder.sent[0]);
    expect(recorder.sent[2]).not.toBe(recorder.sent[0]);
    expect(client.tokens?.requests).toBe(2);
  });

  it('reports a wrong client secret as TOKEN_REQUEST_FAILED, before calling the gateway', async () => {
    const recorder = recordingFetch(sdk.hub.graphqlUrl);
    const client = createClient({
      endpoint: sdk.hub.graphqlUrl,
      issuer: sdk.issuer.issuer,
      clientId: 'partner-health',
      clientSecret: 'not-the-secret',
      fetch: recorder.fetch,
    });
    const error = (await client
      .request(HealthDiseaseCasesDocument, variables)
      .catch((e: unknown) => e)) as LgspError;
    expect(error).toMatchObject({ code: 'TOKEN_REQUEST_FAILED', status: 401 });
    expect(error.message).toBe('token request for partner-health failed: invalid_client');
    expect(recorder.sent).toEqual([]);
  });
});
