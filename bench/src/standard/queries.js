// The client operations of the standard shape: the public graphql-gateways-benchmark's heavy nested query, its
// variant with a per-request variable (so no deduplication or response reuse can stand in for execution), and a
// one-subgraph query for the gateway's own overhead.
const fragments = `
fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }`;

const body = (args) => `
  users${args.users} {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts${args.top} {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }`;

export const heavyQuery = `${fragments}
query TestQuery {${body({ users: '', top: '' })}
}`;

export const heavyQueryWithOffset = `${fragments}
query TestQuery($offset: Int!) {${body({ users: '(offset: $offset)', top: '(offset: $offset)' })}
}`;

/** Served by the products subgraph alone, so it can also be sent to that subgraph directly. */
export const oneSubgraphQuery = `query Top { topProducts { upc name price weight } }`;
