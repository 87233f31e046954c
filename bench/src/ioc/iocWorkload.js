// The IOC workload: the unit dashboard (catalog, egov, police, health, environment in one query) and the map layer
// (cameras and monitoring stations with their units) over the real subgraphs and simulators. There is no
// independent reference here: the expected answer of each request variant is the one the reference gateway gives
// before load, and every other gateway must give the same data (and all must keep giving it under load).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dashboardQuery, mapLayerQuery } from './iocQueries.js';
import { startIocHub } from './startIocHub.js';

const period = { from: '2026-10-01', to: '2026-10-31' };
// The whole province, written ten slightly different ways: same cameras, distinct requests (no deduplication).
const bboxes = Array.from({ length: 10 }, (_, k) => ({
  minLatitude: 19.9 - k / 100,
  minLongitude: 104.4,
  maxLatitude: 21.6,
  maxLongitude: 106,
}));

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json = await response.json();
  if (!response.ok || json.errors?.length)
    throw new Error(`reference answer failed: ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}

export async function createIocWorkload() {
  const hub = await startIocHub(mkdtempSync(path.join(tmpdir(), 'lgsp-bench-ioc-')));
  const units = await post(
    hub.urls.catalog,
    JSON.stringify({ query: '{ administrativeUnits(level: COMMUNE, first: 100) { nodes { code } } }' }),
  );
  const codes = units.administrativeUnits.nodes.map((n) => n.code);
  const bodies = [
    ...codes.map((code) => JSON.stringify({ query: dashboardQuery, variables: { code, period } })),
    ...bboxes.map((bbox) => JSON.stringify({ query: mapLayerQuery, variables: { bbox } })),
  ];
  const expected = new Map();
  let counter = 0;
  const expectedData = (variant) => {
    if (!expected.has(variant)) throw new Error(`no reference answer for variant ${variant}`);
    return expected.get(variant);
  };
  return {
    id: 'ioc',
    title:
      `IOC workload: unit dashboard over five subgraphs and the map layer, real subgraphs behind memoizing ` +
      `proxies; distinct mode: dashboards of ${codes.length} communes cycled, every other request a map layer`,
    supergraphPath: hub.supergraphPath,
    loadSidePids: () => hub.pids,
    /** Takes the reference gateway's answers as the expected data of every variant. */
    async learnExpected(url) {
      for (let v = 0; v < bodies.length; v++) expected.set(v, await post(url, bodies[v]));
    },
    modes: {
      identical: { nextRequest: () => ({ body: bodies[0], variant: 0 }), expectedData },
      distinct: {
        // Every other request is the map layer; the dashboards cycle through the communes.
        nextRequest: () => {
          const i = counter++;
          const k = Math.floor(i / 2);
          const variant = i % 2 ? codes.length + (k % bboxes.length) : k % codes.length;
          return { body: bodies[variant], variant };
        },
        expectedData,
      },
    },
    close: () => hub.close(),
  };
}
