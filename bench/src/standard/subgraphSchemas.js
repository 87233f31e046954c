// The four subgraphs of the standard shape as Federation v2 schemas (@apollo/subgraph, MIT).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import * as data from './data.js';

const link = (imports) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports
    .map((i) => `"${i}"`)
    .join(', ')}])`;

export const typeDefs = {
  accounts: `${link(['@key'])}
    type Query { me: User  user(id: ID!): User  users(offset: Int = 0): [User] }
    type User @key(fields: "id") { id: ID!  name: String  username: String  birthday: Int }`,
  products: `${link(['@key'])}
    type Query { topProducts(first: Int = 5, offset: Int = 0): [Product] }
    type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
  inventory: `${link(['@key', '@external', '@requires'])}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  reviews: `${link(['@key', '@external', '@provides'])}
    type Review { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
    type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
    type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
};

const reviewsOf = (pick) => data.reviews.filter(pick);

const resolvers = {
  accounts: {
    Query: {
      me: () => data.users[0],
      user: (_, { id }) => data.userById.get(id) ?? null,
      users: (_, { offset }) => data.rotate(data.users, offset),
    },
    User: { __resolveReference: (ref) => data.userById.get(ref.id) ?? null },
  },
  products: {
    Query: { topProducts: (_, { first, offset }) => data.topProducts(first, offset) },
    Product: { __resolveReference: (ref) => data.productByUpc.get(ref.upc) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref) => ({ ...ref, inStock: data.inStock(ref.upc) }),
      shippingEstimate: (p) =>
        p.price == null || p.weight == null ? null : data.shippingEstimate(p.price, p.weight),
    },
  },
  reviews: {
    Review: {
      author: (r) => ({ id: r.authorId, username: data.userById.get(r.authorId)?.username }),
      product: (r) => ({ upc: r.upc }),
    },
    User: {
      __resolveReference: (ref) => ({ ...ref, username: data.userById.get(ref.id)?.username }),
      reviews: (u) => reviewsOf((r) => r.authorId === u.id),
    },
    Product: {
      __resolveReference: (ref) => ref,
      reviews: (p) => reviewsOf((r) => r.upc === p.upc),
    },
  },
};

export const subgraphNames = /** @type {const} */ (['accounts', 'inventory', 'products', 'reviews']);

export function buildStandardSubgraph(name) {
  return buildSubgraphSchema([{ typeDefs: parse(typeDefs[name]), resolvers: resolvers[name] }]);
}
