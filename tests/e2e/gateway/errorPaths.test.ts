import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../fixtures/federation/composeSupergraph.js';
import { incidentsSubgraph, unitsSubgraph } from '../../fixtures/federation/errorPathSubgraphs.js';
import { type FixtureSubgraph, startSubgraph } from '../../fixtures/federation/startSubgraph.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

// An error a subgraph raises on one item of an entity batch must name that item in its path, list indices included,
// so a client can tell which commune failed (the IOC's district screen shows the others and marks that one).
let units: FixtureSubgraph;
let incidents: FixtureSubgraph;
let dir: string;
let gw: InProcessGateway;

beforeAll(async () => {
  [units, incidents] = await Promise.all([startSubgraph(unitsSubgraph), startSubgraph(incidentsSubgraph)]);
  dir = await mkdtemp(join(tmpdir(), 'lgsp-error-paths-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(path, composeSupergraph([units, incidents]));
  gw = await createInProcessGateway(path);
});
afterAll(async () => {
  await gw?.close();
  await Promise.all([units, incidents].map((s) => s?.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('error paths through entity batches', () => {
  it('names the list index of the commune whose field failed', async () => {
    const { body } = await gw.query(
      '{ district(code: "148") { communes { code incidentStats { total } } } }',
    );
    expect(body.data).toEqual({
      district: {
        communes: [
          { code: '4789', incidentStats: { total: 9 } },
          { code: '4792', incidentStats: null },
          { code: '4795', incidentStats: { total: 5 } },
        ],
      },
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'incident register unavailable',
        path: ['district', 'communes', 1, 'incidentStats'],
      }),
    ]);
  });

  it('keeps every index of nested lists and the path below the failed field', async () => {
    const { body } = await gw.query('{ districts { code communes { code c: incidentStats { total } } } }');
    expect(body.data).toEqual({
      districts: [
        {
          code: '148',
          communes: [
            { code: '4789', c: { total: 9 } },
            { code: '4792', c: null },
            { code: '4795', c: { total: 5 } },
          ],
        },
        {
          code: '150',
          communes: [
            { code: '4801', c: { total: 1 } },
            { code: '4804', c: null },
          ],
        },
      ],
    });
    expect(body.errors?.map((error) => [error.message, error.path])).toEqual(
      expect.arrayContaining([
        ['incident register unavailable', ['districts', 0, 'communes', 1, 'c']],
        ['incident count unavailable', ['districts', 1, 'communes', 1, 'c', 'total']],
      ]),
    );
    expect(body.errors).toHaveLength(2);
  });
});
