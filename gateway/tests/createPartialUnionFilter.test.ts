import { describe, expect, it } from '@jest/globals';
import { buildASTSchema, parse, print } from 'graphql';
import { composeSupergraph } from '../../tests/fixtures/federation/composeSupergraph.js';
import { catalog, health } from '../../tests/fixtures/federation/hubSubgraphs.js';
import { iocScreens, policeScreens } from '../../tests/fixtures/federation/partialUnionSubgraphs.js';
import { createPartialUnionFilter } from '../src/execution/createPartialUnionFilter.js';

const sdl = composeSupergraph([
  { ...iocScreens, url: 'http://ioc/graphql' },
  { ...policeScreens, url: 'http://police/graphql' },
]);
const ast = parse(sdl);
const filter = createPartialUnionFilter(buildASTSchema(ast), ast)!;
const widgets =
  '{ __typename ... on KpiCard { title } ... on MapLayer { layerName } ... on CameraFeed { cameraId } }';
const norm = (q: string) => print(parse(q));

describe('createPartialUnionFilter', () => {
  it('drops members not common to every subgraph that can serve a shareable entity field', () => {
    const out = filter(parse(`{ iocDashboard { panel { widgets ${widgets} } } }`));
    expect(print(out)).toBe(
      norm('{ iocDashboard { panel { widgets { __typename ... on KpiCard { title } } } } }'),
    );
  });

  it("keeps the target subgraph's members in an _entities call for a field only it has", () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dashboard { cameraPanel { widgets ${widgets} } } } }`;
    expect(print(filter(parse(query)))).toBe(norm(query));
  });

  it('leaves a document without unions untouched', () => {
    const query = '{ iocDashboard { id } }';
    expect(print(filter(parse(query)))).toBe(norm(query));
  });

  it('is not created for a supergraph without partial unions', () => {
    const plain = composeSupergraph([
      { ...catalog, url: 'http://catalog/graphql' },
      { ...health, url: 'http://health/graphql' },
    ]);
    const plainAst = parse(plain);
    expect(createPartialUnionFilter(buildASTSchema(plainAst), plainAst)).toBeUndefined();
  });
});
