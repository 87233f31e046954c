import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../fixtures/federation/composeSupergraph.js';
import { iocScreens, policeScreens } from '../../fixtures/federation/partialUnionSubgraphs.js';
import { type FixtureSubgraph, startSubgraph } from '../../fixtures/federation/startSubgraph.js';
import { createInProcessGateway, type InProcessGateway } from './gatewayHarness.js';

// Regression for the one audit suite stitching alone failed (partial-union-complex): union members are selected
// per the subgraphs that can serve the path, not per the subgraph the stitcher happened to pick.
let ioc: FixtureSubgraph;
let police: FixtureSubgraph;
let gw: InProcessGateway;

beforeAll(async () => {
  [ioc, police] = await Promise.all([startSubgraph(iocScreens), startSubgraph(policeScreens)]);
  const path = join(await mkdtemp(join(tmpdir(), 'lgsp-pu-')), 'supergraph.graphql');
  await writeFile(path, composeSupergraph([ioc, police]));
  gw = await createInProcessGateway(path);
});
afterAll(async () => {
  await gw?.close();
  await Promise.all([ioc?.close(), police?.close()]);
});

const widgets = `widgets { __typename ... on KpiCard { title } ... on MapLayer { layerName } ... on CameraFeed { cameraId } }`;

describe('partial unions below shareable fields', () => {
  it('selects only members common to every subgraph that can serve a shareable entity field', async () => {
    const { body } = await gw.query(`{ iocDashboard { panel { ${widgets} } } }`);
    expect(body).toEqual({
      data: {
        iocDashboard: {
          panel: {
            widgets: [
              { __typename: 'KpiCard', title: 'Hồ sơ đúng hạn' },
              { __typename: 'MapLayer', layerName: null },
            ],
          },
        },
      },
    });
  });

  it('does the same from the other subgraph', async () => {
    const { body } = await gw.query(`{ policeDashboard { panel { ${widgets} } } }`);
    expect((body.data as { policeDashboard: { panel: unknown } }).policeDashboard.panel).toEqual({
      widgets: [
        { __typename: 'KpiCard', title: 'Hồ sơ đúng hạn' },
        { __typename: 'CameraFeed', cameraId: null },
      ],
    });
  });

  it("uses the target subgraph's members after an entity hop to a field only it has", async () => {
    const { body } = await gw.query(`{ iocDashboard { cameraPanel { ${widgets} } } }`);
    expect(body).toEqual({
      data: {
        iocDashboard: {
          cameraPanel: {
            widgets: [
              { __typename: 'KpiCard', title: 'Hồ sơ đúng hạn' },
              { __typename: 'CameraFeed', cameraId: 'CAM-017' },
            ],
          },
        },
      },
    });
  });

  it('keeps only the common member on a shared root field', async () => {
    const { body } = await gw.query(`{ sharedDashboard { panel { ${widgets} } } }`);
    expect(body).toEqual({
      data: { sharedDashboard: { panel: { widgets: [{ __typename: 'KpiCard', title: 'Hồ sơ đúng hạn' }] } } },
    });
  });
});
