import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Hub, startHub } from '../../fixtures/federation/startHub.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

let hub: Hub;
let gw: InProcessGateway;

beforeAll(async () => {
  hub = await startHub();
  gw = await createInProcessGateway(hub.supergraphPath);
});
afterAll(async () => {
  await gw?.close();
  await hub?.close();
});
beforeEach(() => hub.reset());

const entityCalls = (s: Hub['health']) => s.requests.filter((r) => r.body.query.includes('_entities'));

describe('federated execution', () => {
  it('joins every unit with its facilities using one batched _entities call to the health subgraph', async () => {
    const { body } = await gw.query('{ units { code name facilities { name beds } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      units: [
        { code: '17', name: 'Tỉnh Hòa Bình', facilities: [] },
        {
          code: '148',
          name: 'Thành phố Hòa Bình',
          facilities: [
            { name: 'Bệnh viện Đa khoa tỉnh Hòa Bình', beds: 800 },
            { name: 'Trung tâm Y tế thành phố', beds: 150 },
          ],
        },
        {
          code: '4789',
          name: 'Phường Thái Bình',
          facilities: [{ name: 'Trạm Y tế phường Thái Bình', beds: 5 }],
        },
      ],
    });
    expect(hub.catalog.requests).toHaveLength(1);
    expect(hub.health.requests).toHaveLength(1);
    expect(entityCalls(hub.health)[0]!.body.variables).toMatchObject({
      representations: [
        { __typename: 'AdministrativeUnit', code: '17' },
        { __typename: 'AdministrativeUnit', code: '148' },
        { __typename: 'AdministrativeUnit', code: '4789' },
      ],
    });
  });

  it('sends one request per subgraph per plan step when two subgraphs extend the same entities', async () => {
    const { body } = await gw.query('{ units { code facilities { id } stations { id aqi } } }');
    expect(body.errors).toBeUndefined();
    expect(hub.catalog.requests).toHaveLength(1);
    expect(hub.health.requests).toHaveLength(1);
    expect(hub.environment.requests).toHaveLength(1);
  });

  it('fetches @requires fields from the owning subgraph before resolving the requiring field', async () => {
    const { body } = await gw.query('{ unit(code: "4789") { airSummary } }');
    expect(body).toEqual({ data: { unit: { airSummary: 'Phường Thái Bình: 1 trạm' } } });
    const representation = (entityCalls(hub.environment)[0]!.body.variables as { representations: unknown[] })
      .representations[0];
    expect(representation).toEqual({
      __typename: 'AdministrativeUnit',
      code: '4789',
      name: 'Phường Thái Bình',
    });
  });

  it('resolves an entity reference back into another subgraph (facility → unit name)', async () => {
    const { body } = await gw.query('{ facilities { id unit { code name level } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as { facilities: unknown[] }).facilities[1]).toEqual({
      id: 'F2',
      unit: { code: '4789', name: 'Phường Thái Bình', level: 'COMMUNE' },
    });
  });

  it('supports aliases, fragments, variables, @skip and @include', async () => {
    const { body } = await gw.query(
      `query Q($code: ID!, $withBeds: Boolean!, $noName: Boolean!) {
        commune: unit(code: $code) { ...U facilities { beds @include(if: $withBeds) name @skip(if: true) } }
      }
      fragment U on AdministrativeUnit { code name @skip(if: $noName) }`,
      { variables: { code: '4789', withBeds: true, noName: true } },
    );
    expect(body).toEqual({ data: { commune: { code: '4789', facilities: [{ beds: 5 }] } } });
  });

  it('hides @inaccessible fields from the schema and from introspection', async () => {
    const { body } = await gw.query('{ __type(name: "AdministrativeUnit") { fields { name } } }');
    const fields = (body.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);
    expect(fields).toContain('name');
    expect(fields).not.toContain('internalNote');
    const asked = await gw.query('{ units { internalNote } }');
    expect(asked.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs mutations in order', async () => {
    const { body } = await gw.query(
      `mutation { a: renameUnit(code: "17", name: "A") { name } b: renameUnit(code: "17", name: "Tỉnh Hòa Bình") { name } }`,
    );
    expect(body).toEqual({ data: { a: { name: 'A' }, b: { name: 'Tỉnh Hòa Bình' } } });
  });

  it('replaces a crash inside a subgraph by UPSTREAM_ERROR naming the subgraph, without its message or stack', async () => {
    const { body } = await gw.query('{ broken units { code } }');
    expect(body.data).toMatchObject({
      broken: null,
      units: [{ code: '17' }, { code: '148' }, { code: '4789' }],
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_ERROR', subgraph: 'catalog' });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|stacktrace|at Object/);
  });
});
