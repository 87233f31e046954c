import { describe, expect, it } from '@jest/globals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { ExecutionRequest } from '@graphql-tools/utils';
import { execute, type ExecutionResult, type GraphQLSchema, parse, print } from 'graphql';
import { composeSupergraph } from '../../tests/fixtures/federation/composeSupergraph.js';
import { buildExecutableSupergraph } from '../src/execution/buildExecutableSupergraph.js';
import { getPlanExecutor } from '../src/execution/planExecutorRegistry.js';

const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports}])`;

const users = [
  { id: '1', name: 'Nguyễn Văn An', username: 'an' },
  { id: '2', name: 'Trần Thị Bình', username: 'binh' },
];
const products = [
  { upc: 'p1', name: 'Máy bơm', price: 300, weight: 20 },
  { upc: 'p2', name: 'Cảm biến', price: 1200, weight: 5 },
];
const reviews = [
  { id: 'r1', body: 'tốt', authorId: '1', upc: 'p1' },
  { id: 'r2', body: 'ổn', authorId: '2', upc: 'p1' },
  { id: 'r3', body: 'hỏng', authorId: '1', upc: 'p2' },
];

const subgraphs: { name: string; typeDefs: string; resolvers: GraphQLResolverMap<unknown> }[] = [
  {
    name: 'accounts',
    typeDefs: `${link('"@key"')}
      type Query { users(offset: Int = 0): [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String }`,
    resolvers: {
      Query: { users: (_: unknown, { offset }: { offset: number }) => users.slice(offset) },
      User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) },
    },
  },
  {
    name: 'products',
    typeDefs: `${link('"@key"')}
      type Query { topProducts: [Product!]! }
      type Product @key(fields: "upc") { upc: String!  name: String!  price: Int  weight: Int }`,
    resolvers: {
      Query: { topProducts: () => products },
      Product: {
        __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc) ?? null,
      },
    },
  },
  {
    name: 'inventory',
    typeDefs: `${link('"@key", "@external", "@requires"')}
      type Product @key(fields: "upc") {
        upc: String!  price: Int @external  weight: Int @external
        inStock: Boolean  shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (ref: { upc: string }) => ({ ...ref, inStock: ref.upc === 'p1' }),
        shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : p.weight / 2),
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: `${link('"@key", "@external", "@provides"')}
      type Review { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        author: (r: { authorId: string }) => users.find((u) => u.id === r.authorId),
        product: (r: { upc: string }) => ({ upc: r.upc }),
      },
      User: { reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id) },
      Product: { reviews: (p: { upc: string }) => reviews.filter((r) => r.upc === p.upc) },
    },
  },
];

interface Built {
  schema: GraphQLSchema;
  /** Every subgraph call: subgraph name and the document object sent. */
  calls: { subgraph: string; request: ExecutionRequest }[];
}

function build(planner: boolean, failing?: string): Built {
  const schemas = new Map(
    subgraphs.map((s) => [
      s.name,
      buildSubgraphSchema([{ typeDefs: parse(s.typeDefs), resolvers: s.resolvers }]),
    ]),
  );
  const sdl = composeSupergraph(subgraphs.map((s) => ({ ...s, url: `http://${s.name}.test/graphql` })));
  const calls: Built['calls'] = [];
  const { schema } = buildExecutableSupergraph(sdl, {
    planner,
    resolveUrl: (_name, url) => url,
    createExecutor: (info) => async (request) => {
      calls.push({ subgraph: info.name, request });
      if (info.name === failing) return { data: null, errors: [{ message: 'down' }] } as never;
      return (await execute({
        schema: schemas.get(info.name)!,
        document: parse(print(request.document)),
        variableValues: request.variables,
      })) as ExecutionResult;
    },
  });
  return { schema, calls };
}

async function run(built: Built, query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const args = { schema: built.schema, document, variableValues: variables, contextValue: {} };
  const planned = getPlanExecutor(built.schema)?.(args);
  return JSON.parse(JSON.stringify(await (planned ?? execute(args)))) as ExecutionResult;
}

const heavy = `
  fragment P on Product { upc name price weight inStock shippingEstimate }
  query Heavy($offset: Int!) {
    users(offset: $offset) { id name reviews { body product { ...P reviews { id author { username name } } } } }
    top: topProducts { ...P label: name reviews { author { id username reviews { id } } } }
  }`;

describe('query planner (buildExecutableSupergraph planner: true)', () => {
  it('answers a nested query across four subgraphs (keys, @requires, @provides, aliases, fragments) like stitching', async () => {
    const stitched = await run(build(false), heavy, { offset: 0 });
    const planned = build(true);
    expect(await run(planned, heavy, { offset: 0 })).toEqual(stitched);
    expect(stitched.errors).toBeUndefined();
    expect(await run(planned, heavy, { offset: 1 })).toEqual(await run(build(false), heavy, { offset: 1 }));
  });

  it('reuses the planned subgraph documents when the operation repeats with other variables', async () => {
    const built = build(true);
    // A chain of calls (no two to one subgraph in the same tick, which the batching executor would merge).
    const document = parse(
      `query($offset: Int!) { users(offset: $offset) { reviews { product { shippingEstimate } } } }`,
    );
    const plan = getPlanExecutor(built.schema)!;
    await plan({ schema: built.schema, document, variableValues: { offset: 0 }, contextValue: {} });
    const first = built.calls.map((c) => c.request.document);
    built.calls.length = 0;
    await plan({ schema: built.schema, document, variableValues: { offset: 1 }, contextValue: {} });
    expect(first).toHaveLength(4);
    expect(built.calls.map((c) => c.request.variables!['offset'] ?? null)).toEqual([1, null, null, null]);
    expect(built.calls.every((c, i) => c.request.document === first[i])).toBe(true);
  });

  it('fetches @requires fields before the subgraph that needs them, in one call per subgraph and plan step', async () => {
    const built = build(true);
    const result = await run(built, `{ users { reviews { product { inStock shippingEstimate } } } }`);
    expect(result.errors).toBeUndefined();
    // inStock (no @requires) rides along in the call that carries price and weight for shippingEstimate.
    expect(built.calls.map((c) => c.subgraph)).toEqual(['accounts', 'reviews', 'products', 'inventory']);
    const inventory = built.calls[3]!.request.variables!['representations'];
    expect(inventory).toEqual([
      { __typename: 'Product', upc: 'p1', price: 300, weight: 20 },
      { __typename: 'Product', upc: 'p2', price: 1200, weight: 5 },
    ]);
  });

  it('fetches the same type at two places of the answer in one call to its subgraph', async () => {
    const built = build(true);
    const result = await run(
      built,
      `{ users { reviews { product { name reviews { author { reviews { product { name } } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(built.calls.map((c) => c.subgraph)).toEqual(['accounts', 'reviews', 'products']);
    expect(Object.keys(built.calls[2]!.request.variables!).sort()).toEqual(['_r0', '_r1']);
    expect(result).toEqual(
      await run(
        build(false),
        `{ users { reviews { product { name reviews { author { reviews { product { name } } } } } } } }`,
      ),
    );
  });

  it('uses @provides instead of another call', async () => {
    const built = build(true);
    const result = await run(built, `{ topProducts { reviews { author { username } } } }`);
    expect(built.calls.map((c) => c.subgraph)).toEqual(['products', 'reviews']);
    expect(result.data).toEqual({
      topProducts: [
        { reviews: [{ author: { username: 'an' } }, { author: { username: 'binh' } }] },
        { reviews: [{ author: { username: 'an' } }] },
      ],
    });
  });

  it('nulls the nearest nullable parent when a non-null field is missing, and reports the error at each missing value', async () => {
    const built = build(true, 'products');
    const result = await run(built, `{ users { id reviews { product { name } } } }`);
    expect(result.data).toEqual({
      users: [
        { id: '1', reviews: [{ product: null }, { product: null }] },
        { id: '2', reviews: [{ product: null }] },
      ],
    });
    // One error per missing value, at the client's path, as stitching reports a failed subgraph.
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([
      ['down', ['users', 0, 'reviews', 0, 'product', 'name']],
      ['down', ['users', 0, 'reviews', 1, 'product', 'name']],
      ['down', ['users', 1, 'reviews', 0, 'product', 'name']],
    ]);
  });

  it('leaves operations outside its subset to stitching', async () => {
    const built = build(true);
    const plan = getPlanExecutor(built.schema)!;
    const outside = [
      `query($on: Boolean!) { users { id name @include(if: $on) } }`,
      `{ __schema { queryType { name } } }`,
      `mutation { __typename }`,
    ];
    for (const query of outside) {
      expect(plan({ schema: built.schema, document: parse(query), contextValue: {} })).toBeUndefined();
    }
    expect(getPlanExecutor(build(false).schema)).toBeUndefined();
  });
});
