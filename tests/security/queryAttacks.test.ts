import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateAssertionKeyPair, GATEWAY_ASSERTION_HEADER } from '@lgsp/gateway';
import { startAuthHub, type AuthHub } from '../e2e/auth/authHub.js';

/**
 * partner-health may read health and catalog data, nothing of the police. Each attack tries to reach police data
 * (Incident, its personal data) another way; each must be refused with the right code, without data, and without
 * any subgraph being called.
 */
describe('hostile queries over HTTP: a forbidden field is never reached', () => {
  let hub: AuthHub;
  beforeAll(async () => {
    hub = await startAuthHub();
  });
  afterAll(() => hub?.close());

  async function expectRefused(query: string, client = 'partner-health', coordinate = 'Incident') {
    const before = { ...hub.calls };
    const { status, body } = await hub.post(query, { client });
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: expect.any(String),
        legalBasis: expect.any(String),
      });
    }
    expect(body.errors?.map((error) => error.extensions?.['coordinate'])).toContain(coordinate);
    expect(JSON.stringify(body)).not.toContain('0912345678');
    expect(hub.calls).toEqual(before);
    return body;
  }

  it('through an alias', async () => {
    const body = await expectRefused(
      '{ units { name } harmless: incidents { id } }',
      'partner-health',
      'Query.incidents',
    );
    expect(body.errors?.[0]?.path).toEqual(['harmless']);
  });

  it('through a named fragment', async () => {
    await expectRefused(
      'query { ...Everything } fragment Everything on Query { units { name } incidents { reporterPhone } }',
      'partner-health',
      'Query.incidents',
    );
  });

  it('through an inline fragment on a union', async () => {
    await expectRefused('{ search(text: "x") { ... on Incident { reporterPhone } } }');
  });

  it('through an inline fragment on an interface', async () => {
    // The auditor may call `search`, whose union includes Incident; it reaches Incident fields through a fragment.
    await expectRefused('{ search(text: "x") { ... on Record { ... on Incident { summary } } } }', 'auditor');
  });

  it('by __typename probing on a union with hidden members', async () => {
    await expectRefused('{ search(text: "x") { __typename } }');
  });

  it('hidden behind @skip with a variable default (checked whatever the variables say)', async () => {
    await expectRefused(
      'query ($hide: Boolean = true) { units { name } incidents @skip(if: $hide) { id } }',
      'partner-health',
      'Query.incidents',
    );
  });

  it('by introspection of a hidden type', async () => {
    const { status, body } = await hub.post(
      '{ __type(name: "Incident") { name fields { name } } __schema { types { name } } }',
      { client: 'partner-health' },
    );
    expect(status).toBe(200);
    const { __type, __schema } = body.data as { __type: unknown; __schema: { types: { name: string }[] } };
    expect(__type).toBeNull();
    const names = __schema.types.map((type) => type.name);
    expect(names).toEqual(expect.arrayContaining(['Facility', 'AdministrativeUnit']));
    for (const hidden of ['Incident', 'Record', 'AuditEntry', 'Vaccination', '_Entity', '_Service', '_Any']) {
      expect(names).not.toContain(hidden);
    }
  });

  it('by mixing introspection with data in one operation (introspection is answered from the contract alone)', async () => {
    const before = { ...hub.calls };
    const { status, body } = await hub.post(
      '{ search(text: "x") { ... on CameraEvent { id } } __schema { types { name } } }',
      { client: 'partner-health' },
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message:
            'Cannot run this operation: send introspection (__schema, __type) in an operation of its own, without data fields',
          extensions: { code: 'BAD_REQUEST', reason: expect.any(String) },
        },
      ],
    });
    expect(hub.calls).toEqual(before);
  });

  it('by a field name close to a hidden one (no "Did you mean" naming hidden fields)', async () => {
    const { status, body } = await hub.post('{ incident { id } }', { client: 'partner-health' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "incident" on type "Query".',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
  });

  it.each(['partner-health', 'partner-police'])('by a direct _entities query (%s)', async (client) => {
    const before = { ...hub.calls };
    const { status, body } = await hub.post(
      '{ _entities(representations: [{ __typename: "Incident", id: "I1" }]) { ... on Incident { reporterPhone } } }',
      { client },
    );
    // The federation entry point is not part of the hub API at all (and authorization refuses it to everyone).
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        expect.objectContaining({
          message: 'Cannot query field "_entities" on type "Query".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ],
    });
    expect(hub.calls).toEqual(before);
  });

  it('by a batched request mixing allowed and forbidden operations', async () => {
    const before = { ...hub.calls };
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${await hub.token('partner-health')}`,
      },
      body: JSON.stringify([{ query: '{ units { name } }' }, { query: '{ incidents { reporterPhone } }' }]),
    });
    // Batching is off: the whole request is refused (with batching on, each operation is authorized on its own).
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(hub.calls).toEqual(before);
  });

  it('by choosing the forbidden one of two operations in a document', async () => {
    const document = 'query Mine { units { name } } query Theirs { incidents { reporterPhone } }';
    const post = (operationName: string) =>
      hub.token('partner-health').then((token) =>
        fetch(`${hub.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: document, operationName }),
        }),
      );
    const mine = await post('Mine');
    expect(await mine.json()).toEqual({ data: { units: [{ name: 'Thành phố Hòa Bình' }] } });
    const theirs = await post('Theirs');
    expect(theirs.status).toBe(403);
    const body = (await theirs.json()) as { data?: unknown };
    expect(body.data).toBeUndefined();
  });

  it('by the reserved masking alias (it cannot be used to steer masking)', async () => {
    const { status, body } = await hub.post(
      '{ records { ... on CameraEvent { __lgspTypename: summary plate } } }',
      { client: 'ioc-dashboard' },
    );
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('a direct call to a subgraph that bypasses the gateway', () => {
  let hub: AuthHub;
  beforeAll(async () => {
    hub = await startAuthHub();
  });
  afterAll(() => hub?.close());

  const callPolice = (headers: Record<string, string>) =>
    fetch(hub.subgraphUrls.police, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ incidents { reporterPhone } }' }),
    });

  it.each([
    ['no assertion', async () => ({})],
    [
      'the client’s own bearer token',
      async () => ({ authorization: `Bearer ${await hub.token('partner-police')}` }),
    ],
    [
      'an assertion forged with another key',
      async () => {
        const { privateJwk } = generateAssertionKeyPair();
        const { createSubgraphAssertionSigner } = await import('../../gateway/src/auth/subgraphAssertion.js');
        const signer = createSubgraphAssertionSigner({ privateJwk });
        const forged = signer.sign(
          {
            principal: {
              kind: 'client',
              clientId: 'partner-police',
              subject: 'x',
              agency: { name: 'x', code: 'CA-HB' },
              scopes: new Set(['police:read', 'pii:read']),
              purposesAllowed: ['LAW_ENFORCEMENT'],
              personalData: true,
              introspection: true,
              onUnauthorizedFields: 'refuse',
              operations: 'any',
              expiresAt: 0,
            },
            purpose: 'LAW_ENFORCEMENT',
          },
          'police',
        );
        return { [GATEWAY_ASSERTION_HEADER]: forged };
      },
    ],
  ])('with %s gets 401 and no data', async (_name, headers) => {
    const response = await callPolice(await headers());
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(text).not.toContain('0912345678');
  });

  it('while the same query through the gateway reaches the subgraph (the gateway signs each call)', async () => {
    const { body } = await hub.post('{ incidents { reporterPhone } }', {
      client: 'partner-police',
      headers: { 'x-purpose': 'LAW_ENFORCEMENT' },
    });
    expect(body).toEqual({ data: { incidents: [{ reporterPhone: '0912345678' }] } });
  });
});
