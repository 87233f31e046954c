// The expected answers: the same data behind one plain (non-federated) schema, executed by graphql-js.
// A gateway is correct when it returns exactly this data and no errors.
import { graphql } from 'graphql';
import { makeExecutableSchema } from './makeExecutableSchema.js';
import * as data from './data.js';

const sdl = `
  type Query { me: User  user(id: ID!): User  users(offset: Int = 0): [User]  topProducts(first: Int = 5, offset: Int = 0): [Product] }
  type User { id: ID!  name: String  username: String  birthday: Int  reviews: [Review] }
  type Product { upc: String!  name: String  price: Int  weight: Int  inStock: Boolean  shippingEstimate: Int  reviews: [Review] }
  type Review { id: ID!  body: String  author: User  product: Product }`;

const schema = makeExecutableSchema(sdl, {
  Query: {
    me: () => data.users[0],
    user: (_, { id }) => data.userById.get(id) ?? null,
    users: (_, { offset }) => data.rotate(data.users, offset),
    topProducts: (_, { first, offset }) => data.topProducts(first, offset),
  },
  User: { reviews: (u) => data.reviews.filter((r) => r.authorId === u.id) },
  Product: {
    inStock: (p) => data.inStock(p.upc),
    shippingEstimate: (p) => data.shippingEstimate(p.price, p.weight),
    reviews: (p) => data.reviews.filter((r) => r.upc === p.upc),
  },
  Review: {
    author: (r) => data.userById.get(r.authorId),
    product: (r) => data.productByUpc.get(r.upc),
  },
});

/** The `data` a correct gateway returns for this query and these variables. */
export async function expectedData(query, variables) {
  const result = await graphql({ schema, source: query, variableValues: variables });
  if (result.errors?.length) throw new Error(`reference failed: ${result.errors[0].message}`);
  return JSON.parse(JSON.stringify(result.data));
}
