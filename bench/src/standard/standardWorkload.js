// The standard federation shape as a workload: subgraphs in a pinned child process, the heavy query in two modes,
// and the one-subgraph query for overhead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cores, spawnPinned, stopProcess } from '../processes.js';
import { ROTATION } from './data.js';
import { heavyQuery, heavyQueryWithOffset, oneSubgraphQuery } from './queries.js';
import { expectedData } from './reference.js';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'startStandardSubgraphs.js');

export async function createStandardWorkload() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lgsp-bench-'));
  const child = spawnPinned(cores.rest, [entry, path.join(dir, 'supergraph.graphql')], { ipc: true });
  const started = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`standard subgraphs exited (${code})`)));
  });
  const identicalData = await expectedData(heavyQuery, {});
  const distinctData = await Promise.all(
    Array.from({ length: ROTATION }, (_, v) => expectedData(heavyQueryWithOffset, { offset: v })),
  );
  const identicalBody = JSON.stringify({ query: heavyQuery, operationName: 'TestQuery' });
  let counter = 0;
  return {
    id: 'standard',
    title:
      'Standard federation shape (accounts, inventory, products, reviews), heavy nested query; ' +
      'distinct mode: `$offset` rotates users and products on every request',
    supergraphPath: started.supergraphPath,
    loadSidePids: () => [child.pid],
    modes: {
      identical: {
        nextRequest: () => ({ body: identicalBody, variant: 0 }),
        expectedData: () => identicalData,
      },
      distinct: {
        nextRequest: () => {
          const offset = counter++;
          return {
            body: JSON.stringify({
              query: heavyQueryWithOffset,
              operationName: 'TestQuery',
              variables: { offset },
            }),
            variant: offset % ROTATION,
          };
        },
        expectedData: (variant) => distinctData[variant],
      },
    },
    overhead: {
      body: JSON.stringify({ query: oneSubgraphQuery }),
      directUrl: started.urls.products,
      expectedData: await expectedData(oneSubgraphQuery, {}),
    },
    subgraphRequestCount: async () => {
      const stats = await new Promise((resolve) => {
        child.once('message', (m) => resolve(m.stats));
        child.send('stats');
      });
      return Object.values(stats).reduce((sum, s) => sum + s.requests, 0);
    },
    subgraphStats: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m.stats));
        child.send('stats');
      }),
    close: () => stopProcess(child),
  };
}
