import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  composeProvinceSupergraph,
  readProvinceSubgraphs,
  repositoryRoot,
  supergraphPath,
} from '../src/provinceSupergraph.js';

describe('the province supergraph', () => {
  it('composes without errors and equals the committed schema/supergraph.graphql (run `npm run compose`)', async () => {
    const result = await composeProvinceSupergraph();
    if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
    const committed = await readFile(supergraphPath, 'utf8');
    // Compare line by line so a drift shows where it is.
    expect(committed.split('\n')).toEqual(result.supergraphSdl.split('\n'));
  });

  it('lists the five province systems on the ports of the npm start layout', async () => {
    const entries = await readProvinceSubgraphs();
    expect(entries.map((e) => `${e.name} ${e.url}`)).toEqual([
      'catalog http://localhost:4101/graphql',
      'egov http://localhost:4102/graphql',
      'police http://localhost:4103/graphql',
      'health http://localhost:4104/graphql',
      'environment http://localhost:4105/graphql',
    ]);
  });

  it('starts every subgraph schema with the canonical header, verbatim', async () => {
    const header = (await readFile(path.join(repositoryRoot, 'schema', 'subgraph-header.graphql'), 'utf8'))
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .trim();
    for (const entry of await readProvinceSubgraphs()) {
      const sdl = await readFile(path.join(repositoryRoot, entry.schema), 'utf8');
      const body = sdl
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n')
        .trim();
      expect({ subgraph: entry.name, startsWithHeader: body.startsWith(header) }).toEqual({
        subgraph: entry.name,
        startsWithHeader: true,
      });
    }
  });
});
