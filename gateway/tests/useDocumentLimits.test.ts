import { describe, expect, it } from '@jest/globals';
import { createSchema, createYoga } from 'graphql-yoga';
import { useDocumentLimits } from '../src/plugins/useDocumentLimits.js';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { node: Node } type Node { id: ID child: Node }' }),
  logging: false,
  plugins: [useDocumentLimits({ maxTokens: 200, maxDepth: 4 })],
});

async function run(query: string) {
  const response = await yoga.fetch('http://gateway/graphql', {
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
});
