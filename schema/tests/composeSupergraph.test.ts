import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '../src/composeSupergraph.js';
import { repositoryRoot } from '../src/provinceSupergraph.js';

const header = await readFile(path.join(repositoryRoot, 'schema', 'subgraph-header.graphql'), 'utf8');

describe('composeSupergraph', () => {
  it('carries @personalData and the auth directives into the supergraph', () => {
    const result = composeSupergraph([
      {
        name: 'catalog',
        url: 'http://localhost:4101/graphql',
        sdl: `${header}
          type Query { unit(code: ID!): AdministrativeUnit }
          type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }`,
      },
      {
        name: 'egov',
        url: 'http://localhost:4102/graphql',
        sdl: `${header}
          type Query { report(id: ID!): Report @requiresScopes(scopes: [["egov:read"]]) }
          type Report @key(fields: "id") { id: ID! reporterPhone: String @personalData(kind: PHONE) }
          type AdministrativeUnit @key(fields: "code") { code: ID! reportCount: Int! }`,
      },
    ]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.supergraphSdl).toMatch(/reporterPhone: String[^\n]*@personalData\(kind: PHONE\)/);
    expect(result.supergraphSdl).toContain('@requiresScopes(scopes: [["egov:read"]])');
    expect(result.supergraphSdl).toContain(
      'EGOV @join__graph(name: "egov", url: "http://localhost:4102/graphql")',
    );
  });

  it('names the subgraph whose SDL does not parse', () => {
    const result = composeSupergraph([{ name: 'police', url: 'http://x/graphql', sdl: 'type Query {' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^police: Syntax Error/);
  });

  it('reports composition errors such as a non-shareable field defined twice', () => {
    const result = composeSupergraph([
      { name: 'a', url: 'http://a/graphql', sdl: `${header} type Query { x: Int }` },
      { name: 'b', url: 'http://b/graphql', sdl: `${header} type Query { x: Int }` },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/Query\.x/);
  });
});
