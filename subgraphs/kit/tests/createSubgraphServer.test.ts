import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { adminUnits, createSimulatorServer, json, route, type SimulatorServer } from '@lgsp/simulator-kit';
import { pino } from 'pino';
import {
  alignByKey,
  createKeyedLoader,
  createSubgraphServer,
  createUpstreamClient,
  orNull,
  type SubgraphContext,
  type SubgraphServer,
  type UpstreamClient,
} from '../src/index.js';

interface Commune {
  code: string;
  name: string;
}

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type AdministrativeUnit @key(fields: "code") {
    code: ID!
    name: String
  }
  type Query {
    unit(code: ID!): AdministrativeUnit
    broken: String
  }
`;

let simulator: SimulatorServer;
let upstream: UpstreamClient;
let subgraph: SubgraphServer;

function createLoaders({ requestId }: { requestId: string }) {
  return {
    unitByCode: createKeyedLoader(
      async (codes: readonly string[]) => {
        const page = await upstream.getJson<{ items: Commune[] }>('/units', {
          query: { codes: codes.join(',') },
          requestId,
        });
        return alignByKey(codes, orNull(page)?.items ?? [], (unit) => unit.code);
      },
      { name: 'unitByCode' },
    ),
  };
}
type Context = SubgraphContext<ReturnType<typeof createLoaders>>;

beforeAll(async () => {
  simulator = await createSimulatorServer({
    name: 'catalog',
    routes: [
      route('GET', '/units', ({ query }) => {
        const codes = (query.get('codes') ?? '').split(',');
        return json({
          items: codes.filter((code) => code.startsWith('0')).map((code) => ({ code, name: `Xã ${code}` })),
        });
      }),
    ],
  });
  upstream = createUpstreamClient({ name: 'catalog', baseUrl: simulator.url, retries: 0 });
  subgraph = await createSubgraphServer({
    name: 'catalog',
    typeDefs,
    log: pino({ level: 'silent' }),
    createLoaders,
    healthDetails: () => ({ upstream: upstream.breakerState().kind }),
    resolvers: {
      Query: {
        unit: (_: unknown, { code }: { code: string }, { loaders }: Context) => loaders.unitByCode.load(code),
        broken: () => {
          throw new Error('secret internal detail');
        },
      },
      AdministrativeUnit: {
        __resolveReference: ({ code }: { code: string }, { loaders }: Context) =>
          loaders.unitByCode.load(code),
      },
    },
  });
});
afterAll(async () => {
  await subgraph.close();
  await upstream.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.clearFaults();
  simulator.resetStats();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL responses are asserted field by field
type Body = any;

async function post(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(subgraph.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Body,
  };
}

describe('createSubgraphServer', () => {
  it('resolves entities through one batched upstream call per request', async () => {
    const { body } = await post({
      query:
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name } } }',
      variables: {
        r: ['04978', '99999', '04981'].map((code) => ({ __typename: 'AdministrativeUnit', code })),
      },
    });
    expect(body.data._entities).toEqual([
      { code: '04978', name: 'Xã 04978' },
      null,
      { code: '04981', name: 'Xã 04981' },
    ]);
    expect(simulator.stats().total).toBe(1);
  });

  it('resolves all 151 communes of the old province with one upstream call', async () => {
    const codes = adminUnits.oldCommunes.map((unit) => unit.code);
    expect(codes).toHaveLength(151);
    const { body } = await post({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code } } }',
      variables: { r: codes.map((code) => ({ __typename: 'AdministrativeUnit', code })) },
    });
    expect(body.data._entities.map((unit: { code: string }) => unit.code)).toEqual(codes);
    expect(simulator.stats().total).toBe(1);
  });

  it('forwards the incoming x-request-id to the upstream and echoes it', async () => {
    const { requestId } = await post(
      { query: '{ unit(code: "04978") { name } }' },
      { 'x-request-id': 'gw-123' },
    );
    expect(requestId).toBe('gw-123');
    expect(simulator.stats().recentRequestIds).toEqual(['gw-123']);
  });

  it('generates a request id when the incoming one is missing or malformed', async () => {
    const { requestId } = await post(
      { query: '{ unit(code: "04978") { name } }' },
      { 'x-request-id': 'bad id with spaces' },
    );
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(simulator.stats().recentRequestIds).toEqual([requestId]);
  });

  it('maps an upstream failure to its code with the subgraph named', async () => {
    simulator.addFault({ status: 503 });
    const { body } = await post({ query: '{ unit(code: "04978") { name } }' });
    expect(body.data).toEqual({ unit: null });
    expect(body.errors).toEqual([
      {
        message: 'Upstream system "catalog" answered with HTTP 503',
        locations: [{ line: 1, column: 3 }],
        path: ['unit'],
        extensions: { code: 'UPSTREAM_ERROR', subgraph: 'catalog', upstream: 'catalog' },
      },
    ]);
  });

  it('masks unknown errors as INTERNAL_SERVER_ERROR', async () => {
    const { body } = await post({ query: '{ broken }' });
    expect(body.errors[0].message).toBe('Internal server error');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', subgraph: 'catalog' });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('keeps coded validation errors', async () => {
    const { status, body } = await post({ query: '{ nope }' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves the federation SDL and a health route', async () => {
    const { body } = await post({ query: '{ _service { sdl } }' });
    expect(body.data._service.sdl).toContain('type AdministrativeUnit');
    const health = await fetch(subgraph.url!.replace('/graphql', '/healthz'));
    expect(await health.json()).toEqual({ status: 'ok', subgraph: 'catalog', upstream: 'closed' });
  });

  it('runs operations in-process with the same context and masking', async () => {
    const result = await subgraph.executeOperation(
      { query: '{ unit(code: "04984") { name } broken }' },
      { headers: { 'x-request-id': 'inproc-1' } },
    );
    expect(result.data).toEqual({ unit: { name: 'Xã 04984' }, broken: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(simulator.stats().recentRequestIds).toEqual(['inproc-1']);
  });
});
