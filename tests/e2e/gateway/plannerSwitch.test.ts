import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// The dist module, the same instance @lgsp/gateway uses, so the registry seen here is the gateway's.
import { getPlanExecutor } from '../../../gateway/dist/execution/planExecutorRegistry.js';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

let hub: Hub;
let stitching: InProcessGateway;
let planned: InProcessGateway;

beforeAll(async () => {
  hub = await startHub();
  stitching = await createInProcessGateway(hub.supergraphPath);
  planned = await createInProcessGateway(hub.supergraphPath, { execution: { planner: true } });
});
afterAll(async () => {
  await planned?.close();
  await stitching?.close();
  await hub?.close();
});

const operations: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'entity join', query: '{ units { code name facilities { name beds } } }' },
  {
    name: 'aliases and a fragment',
    query: '{ a: units { ...U } } fragment U on AdministrativeUnit { code label: name facilities { beds } }',
  },
  {
    name: 'variables',
    query: 'query($code: ID!) { unit(code: $code) { name facilities { name } } }',
    variables: { code: '148' },
  },
];

describe('execution.planner', () => {
  it('is off by default: the schema has no plan executor', () => {
    expect(getPlanExecutor(stitching.supergraph.current().schema)).toBeUndefined();
  });

  it('builds the schema with a plan executor when switched on', () => {
    expect(getPlanExecutor(planned.supergraph.current().schema)).toBeDefined();
  });

  it.each(operations)('answers $name exactly as stitching does', async ({ query, variables }) => {
    const expected = await stitching.query(query, { variables });
    const actual = await planned.query(query, { variables });
    expect(expected.body.errors).toBeUndefined();
    expect(actual.status).toBe(expected.status);
    expect(actual.body).toEqual(expected.body);
  });
});
