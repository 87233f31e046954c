import { describe, expect, it } from '@jest/globals';
import { createSchema, createYoga } from 'graphql-yoga';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { createClient, type OperationDocument } from '../src/index.js';
import { createFakeFetch, json, tokenEndpoint } from './fakeHub.js';

type Tick = { tick: { n: number; unitCode: string } };
const TicksDocument = Object.assign(
  new String('subscription Ticks($unitCode: ID!) { tick(unitCode: $unitCode) { n unitCode } }'),
  { __meta__: { hash: 'a'.repeat(64) } },
) as unknown as OperationDocument<Tick, { unitCode: string }>;

/** A real GraphQL-over-SSE server (graphql-yoga, distinct connections), called in-process through its fetch. */
function tickServer(count: number, intervalMs = 0) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs:
        'type Query { ok: Boolean } type Tick { n: Int! unitCode: ID! } type Subscription { tick(unitCode: ID!): Tick! }',
      resolvers: {
        Subscription: {
          tick: {
            subscribe: async function* (_: unknown, { unitCode }: { unitCode: string }) {
              for (let n = 1; n <= count; n += 1) {
                if (intervalMs > 0) await new Promise((resolve) => setTimeout(resolve, intervalMs));
                yield { tick: { n, unitCode } };
              }
            },
          },
        },
      },
    }),
    logging: false,
  });
  return (input: RequestInfo | URL, init?: RequestInit) => yoga.fetch(new Request(input, init));
}

describe('subscriptions over SSE', () => {
  it('yields each event as a typed result and ends on complete', async () => {
    const client = createClient({
      endpoint: 'http://hub.test/graphql',
      fetch: tickServer(3) as typeof fetch,
      documentMode: 'document',
    });
    const received: Tick[] = [];
    for await (const outcome of client.subscribe(TicksDocument, { unitCode: '148' })) {
      expect(outcome.errors).toEqual([]);
      received.push(outcome.data!);
    }
    expect(received.map((r) => r.tick)).toEqual([
      { n: 1, unitCode: '148' },
      { n: 2, unitCode: '148' },
      { n: 3, unitCode: '148' },
    ]);
  });

  it('yields a refusal once, as a typed error, when the gateway answers with JSON', async () => {
    const hub = createFakeFetch({
      'http://hub.test/graphql': () =>
        json(
          {
            errors: [
              {
                message: 'no',
                extensions: { code: 'FORBIDDEN', reason: 'requires scope police:read', legalBasis: 'x' },
              },
            ],
          },
          403,
        ),
    });
    const client = createClient({ endpoint: 'http://hub.test/graphql', fetch: hub.fetch });
    const outcomes = [];
    for await (const outcome of client.subscribe(TicksDocument, { unitCode: '148' })) outcomes.push(outcome);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.errors[0]).toMatchObject({ code: 'FORBIDDEN', reason: 'requires scope police:read' });
  });
});

describe('private_key_jwt client authentication', () => {
  it.each(['RS256', 'ES256'] as const)(
    'sends a %s client assertion the issuer can verify with the public key',
    async (alg) => {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
      const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg }] });
      const tokens = tokenEndpoint();
      const hub = createFakeFetch({
        'http://issuer.test/token': tokens.handler,
        'http://hub.test/graphql': () => json({ data: { ok: true } }),
      });
      const client = createClient({
        endpoint: 'http://hub.test/graphql',
        tokenEndpoint: 'http://issuer.test/token',
        clientId: 'partner-police',
        privateKeyJwt: { key: await exportJWK(privateKey), alg, kid: 'k1' },
        fetch: hub.fetch,
        documentMode: 'document',
      });
      const Ok = new String('query Ok { ok }') as unknown as OperationDocument<
        { ok: boolean },
        Record<string, never>
      >;
      await expect(client.request(Ok)).resolves.toEqual({ ok: true });

      const form = hub.requests[0]!.body as URLSearchParams;
      expect(hub.requests[0]!.headers['authorization']).toBeUndefined();
      expect(form.get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      );
      const { payload, protectedHeader } = await jwtVerify(form.get('client_assertion')!, jwks, {
        issuer: 'partner-police',
        subject: 'partner-police',
        audience: 'http://issuer.test/token',
      });
      expect(protectedHeader).toMatchObject({ alg, kid: 'k1' });
      expect(payload.exp! - payload.iat!).toBe(60);
      expect(payload.jti).toEqual(expect.any(String));
    },
  );
});

describe('timeouts', () => {
  it('bounds a request by timeoutMs as NETWORK_ERROR, and a subscription only until its headers', async () => {
    const never = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    const slow = createClient({
      endpoint: 'http://hub.test/graphql',
      fetch: never as typeof fetch,
      timeoutMs: 50,
    });
    const Ok = new String('query Ok { ok }') as unknown as OperationDocument<
      { ok: boolean },
      Record<string, never>
    >;
    await expect(slow.request(Ok)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: 'no answer from the gateway within 50 ms',
    });

    // A stream that outlives timeoutMs keeps delivering events.
    const client = createClient({
      endpoint: 'http://hub.test/graphql',
      fetch: tickServer(2, 120) as typeof fetch,
      documentMode: 'document',
      timeoutMs: 50,
    });
    const ticks: number[] = [];
    for await (const outcome of client.subscribe(TicksDocument, { unitCode: '148' }))
      ticks.push(outcome.data!.tick.n);
    expect(ticks).toEqual([1, 2]);
  });
});
