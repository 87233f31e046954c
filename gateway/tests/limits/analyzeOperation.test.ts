import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { analyzeOperation } from '../../src/limits/analyzeOperation.js';
import { checkDocument } from '../../src/limits/checkDocument.js';
import { schemaHintsOf } from '../../src/limits/schemaHints.js';

// A supergraph-shaped document: the hints are read from its directives, the types from the built schema.
const sdl = /* GraphQL */ `
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
  ) on FIELD_DEFINITION
  directive @cacheControl(maxAge: Int) on FIELD_DEFINITION | OBJECT
  directive @personalData(kind: String) on FIELD_DEFINITION
  enum join__Graph {
    CATALOG
    EGOV
    ENV
    HEALTH
  }
  directive @join__field(graph: join__Graph) repeatable on FIELD_DEFINITION
  type Query {
    kpis: Kpis @cacheControl(maxAge: 120) @join__field(graph: EGOV)
    units(first: Int = 20): [Unit!]! @listSize(slicingArguments: ["first"]) @join__field(graph: CATALOG)
    page(size: Int = 5): UnitPage
      @listSize(slicingArguments: ["size"], sizedFields: ["items"])
      @join__field(graph: CATALOG)
    citizens: [Citizen!] @listSize(assumedSize: 3) @cost(weight: 4) @join__field(graph: HEALTH)
  }
  type Kpis @cacheControl(maxAge: 30) {
    open: Int
    late: Int
  }
  type UnitPage {
    items: [Unit!]!
    total: Int
  }
  type Unit {
    code: ID!
    aqi: Int @join__field(graph: ENV)
    children: [Unit!]!
  }
  type Citizen {
    id: ID!
    phone: String @personalData(kind: "PHONE")
  }
`;
const schema = buildSchema(sdl);
const hints = schemaHintsOf(parse(sdl));
const options = { defaultListSize: 10, objectFieldCost: 1, subgraphCallCost: 5 };
const analyze = (query: string, variables: Record<string, unknown> = {}, ttl: Record<string, number> = {}) =>
  analyzeOperation({
    schema,
    hints,
    options,
    ttlOf: (key) => ttl[key] ?? hints.maxAge.get(key),
    document: parse(query),
    variables,
  });

describe('analyzeOperation', () => {
  it('multiplies by slicing arguments (literal, variable, default) and adds one call per subgraph and level', () => {
    // units: 20 × (1 + children 10 × 1) = 220; one CATALOG call.
    expect(analyze('{ units { children { code } } }').cost).toBe(225);
    expect(analyze('query($n: Int) { units(first: $n) { code } }', { n: 3 }).cost).toBe(3 + 5);
    // aqi lives in another subgraph: one more call at that level, whatever the list length (batched).
    expect(analyze('{ units(first: 2) { aqi } }')).toMatchObject({ cost: 2 + 10, subgraphCalls: 2 });
  });

  it('sizes connection fields named in sizedFields and counts their list nesting', () => {
    const analysis = analyze('{ page(size: 7) { items { children { code } } total } }');
    expect(analysis.cost).toBe(1 + 7 * (1 + 10) + 5);
    expect(analysis.listNesting).toBe(2);
  });

  it('uses @cost and assumedSize, and reports personal data read', () => {
    expect(analyze('{ citizens { id phone } }')).toMatchObject({
      cost: 3 * 4 + 5,
      personalData: ['Citizen.phone'],
    });
  });

  it('takes the smallest TTL of fields and types, config over @cacheControl', () => {
    // A field's own hint wins over its type's (as Apollo's cache hints do).
    expect(analyze('{ kpis { open } }')).toMatchObject({ maxAgeSeconds: 120, unhintedRootFields: false });
    expect(analyze('{ kpis { open } }', {}, { Kpis: 300, 'Query.kpis': 60 }).maxAgeSeconds).toBe(60);
    expect(analyze('{ kpis { open } units { code } }').unhintedRootFields).toBe(true);
  });

  it('walks a fragment spread many times over once per level (no exponential blow-up)', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Query { units(first: 1) { code } ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ ...F0 } ${fragments.join(' ')} fragment F40 on Query { kpis { open } }`;
    const started = performance.now();
    const analysis = analyze(query);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(analysis.cost).toBeGreaterThan(2 ** 39);
  });
});

describe('checkDocument', () => {
  const limits = { maxAliases: 2, maxRootFields: 3, maxDirectivesPerField: 1, maxOperations: 1 };

  it('counts root fields through fragments without blowing up, and finds indirect cycles', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Query { kpis { open } ...F${i + 1} ...F${i + 1} }`,
    );
    const wide = parse(`{ ...F0 } ${fragments.join(' ')} fragment F40 on Query { kpis { open } }`);
    expect(checkDocument(wide, limits)).toMatchObject({ reason: 'TOO_MANY_ROOT_FIELDS' });
    const cycle = parse(
      '{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }',
    );
    expect(checkDocument(cycle, limits)).toMatchObject({ reason: 'FRAGMENT_CYCLE' });
  });

  it('accepts a document exactly at every bound', () => {
    const document = parse('{ a: kpis @include(if: true) { open } b: kpis { late } units { code } }');
    expect(checkDocument(document, limits)).toBeUndefined();
  });
});
