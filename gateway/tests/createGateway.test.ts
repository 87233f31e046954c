import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, Kind } from 'graphql';
import { pino } from 'pino';
import { parseConfig } from '../src/config.js';
import { createGateway } from '../src/createGateway.js';
import type { GatewayContext, GatewayPlugin } from '../src/gatewayContext.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';
import { writeTempSupergraph } from './testGateway.js';

let supergraph: SupergraphManager;
const log = pino({ level: 'silent' });
let config: ReturnType<typeof parseConfig>;

beforeAll(async () => {
  config = parseConfig({
    supergraph: { path: await writeTempSupergraph(), watch: false },
    auth: { mode: 'off' },
  });
  supergraph = await createSupergraphManager(config, log);
});
afterAll(() => supergraph.close());

const post = (
  gateway: ReturnType<typeof createGateway>,
  query: string,
  headers: Record<string, string> = {},
) =>
  gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('createGateway', () => {
  it('runs feature plugins with the request id and logger already in the context', async () => {
    const seen: Partial<GatewayContext>[] = [];
    const probe: GatewayPlugin = {
      onExecute({ args }) {
        const context = args.contextValue as GatewayContext;
        seen.push({ requestId: context.requestId, log: context.log });
      },
    };
    const gateway = createGateway(config, { supergraph, log, plugins: [probe] });
    await post(gateway, '{ __typename }', { 'x-request-id': 'feature-1' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.requestId).toBe('feature-1');
    expect(typeof seen[0]!.log?.info).toBe('function');
  });

  it('lets schemaFor choose the schema a request is validated and introspected against', async () => {
    const contract = buildSchema('type Query { publicOnly: String }');
    const calls: { hasDocument: boolean; header: string | null }[] = [];
    const gateway = createGateway(config, {
      supergraph,
      log,
      schemaFor: (live, request) => {
        calls.push({
          hasDocument: live.document.kind === Kind.DOCUMENT,
          header: request.headers.get('x-contract'),
        });
        return request.headers.get('x-contract') === 'public' ? contract : live.schema;
      },
    });
    const refused = await (await post(gateway, '{ unitName(code: "1") }', { 'x-contract': 'public' })).json();
    expect((refused as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const introspected = await (
      await post(gateway, '{ __schema { queryType { fields { name } } } }', { 'x-contract': 'public' })
    ).json();
    expect(introspected).toEqual({ data: { __schema: { queryType: { fields: [{ name: 'publicOnly' }] } } } });
    expect(calls[0]).toEqual({ hasDocument: true, header: 'public' });
  });
});
