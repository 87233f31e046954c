import { describe, expect, it } from '@jest/globals';
import { createSchema, createYoga } from 'graphql-yoga';
import { useDocumentLimits } from '../src/plugins/useDocumentLimits.js';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { node: Node } type Node { id: ID child: Node }' }),
  logging: false,
  plugins: [useDocumentLimits({ maxTokens: 200, maxDepth: 4 })],
});

// Room for documents of many fragments; the depth limit is the same.
const roomyYoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { node: Node } type Node { id: ID child: Node }' }),
  logging: false,
  plugins: [useDocumentLimits({ maxTokens: 5000, maxDepth: 4 })],
});

/** n fragments, each spreading the next one twice: 2^n paths, n + 1 definitions. */
const doublingFragments = (n: number, last: string) =>
  Array.from({ length: n }, (_, i) =>
    i === n - 1
      ? `fragment F${i} on Node { ${last} }`
      : `fragment F${i} on Node { ...F${i + 1} ...F${i + 1} }`,
  ).join(' ');

async function run(query: string, server = yoga) {
  const response = await server.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
}

describe('useDocumentLimits', () => {
  it('lets a document at the depth limit through', async () => {
    expect(await run('{ node { child { child { id } } } }')).toEqual({ data: { node: null } });
  });

  it('counts depth through fragment spreads and inline fragments', async () => {
    const result = await run(
      '{ node { ...A } } fragment A on Node { child { ... on Node { child { ...B } } } } fragment B on Node { child { id } }',
    );
    expect(result.errors?.[0]?.message).toBe('Document is nested deeper than 4 levels');
  });

  it('does not loop on cyclic fragments (validation reports them)', async () => {
    const result = await run('{ node { ...A } } fragment A on Node { ...B } fragment B on Node { ...A }');
    expect(result.errors?.[0]?.message).toMatch(/Cannot spread fragment/);
  });

  it('refuses a document over the token limit', async () => {
    const result = await run(`{ ${'node { id } '.repeat(60)}}`);
    expect(result.errors?.[0]?.message).toMatch(/200 tokens/);
  });

  it('accepts 40 fragments that each spread the next one twice (each fragment is measured once)', async () => {
    const query = `{ node { ...F0 } } ${doublingFragments(40, 'child { id }')}`;
    expect(await run(query, roomyYoga)).toEqual({ data: { node: null } });
  });

  it('refuses a too-deep field that follows 40 doubling fragments', async () => {
    const query = `{ node { ...F0 child { child { child { child { id } } } } } } ${doublingFragments(40, 'id')}`;
    const result = await run(query, roomyYoga);
    expect(result.errors?.[0]?.message).toBe('Document is nested deeper than 4 levels');
  });

  it('refuses a fragment that is shallow enough at one spread and too deep at another', async () => {
    const result = await run(
      '{ node { ...A child { child { ...A } } } } fragment A on Node { child { id } }',
    );
    expect(result.errors?.[0]?.message).toBe('Document is nested deeper than 4 levels');
  });

  it('lets a fragment spread at several depths through when every one fits', async () => {
    const result = await run('{ node { ...A child { ...A } } } fragment A on Node { child { id } }');
    expect(result).toEqual({ data: { node: null } });
  });
});
