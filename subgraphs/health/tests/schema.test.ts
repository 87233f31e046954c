import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '@lgsp/schema';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

describe('health schema', () => {
  it('starts with the canonical subgraph header', async () => {
    const header = await read('schema/subgraph-header.graphql');
    expect((await read('subgraphs/health/schema.graphql')).startsWith(header)).toBe(true);
  });

  it('composes with a catalog that owns AdministrativeUnit, keeping the personal-data and scope markings', async () => {
    const header = await read('schema/subgraph-header.graphql');
    const result = composeSupergraph([
      {
        name: 'catalog',
        url: 'http://localhost:4101/graphql',
        sdl: `${header}
          type Query { unit(code: ID!): AdministrativeUnit }
          type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }`,
      },
      {
        name: 'health',
        url: 'http://localhost:4104/graphql',
        sdl: await read('subgraphs/health/schema.graphql'),
      },
    ]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const sdl = result.supergraphSdl;
    expect(sdl).toMatch(
      /vaccinationRecord\(cccd: String!\): VaccinationRecord[^\n]*@requiresScopes\(scopes: \[\["health:read", "pii:read"\]\]\)/,
    );
    expect(sdl).toMatch(/cccd: String[^\n]*@personalData\(kind: CCCD\)/);
    expect(sdl).toMatch(/fullName: String[^\n]*@personalData\(kind: NAME\)/);
    expect(sdl).toMatch(/birthDate: String[^\n]*@personalData\(kind: BIRTH_DATE\)/);
    expect(sdl).toMatch(/type DiseaseCaseStats[^\n]*@requiresScopes\(scopes: \[\["health:read"\]\]\)/);
  });
});
