import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: dashboard { revision }`).join(' ')} }`;
const directives = (n: number) =>
  `{ dashboard { revision ${['@include(if: true)', '@skip(if: false)'].concat(Array(n).fill('@include(if: true)')).slice(0, n).join(' ')} } }`;
const rootFields = (n: number) => `{ ${Array.from({ length: n }, () => 'airQuality').join(' ')} }`;
const operations = (n: number) =>
  Array.from({ length: n }, (_, i) => `query Q${i} { airQuality }`).join('\n');
const nestedChildren = (n: number) =>
  `{ units(first: 1) { ${'children(first: 1) { '.repeat(n - 1)}code${' }'.repeat(n - 1)} } }`;

describe('operation limits, refused before any subgraph call', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({
      limits: {
        operation: {
          maxAliases: 3,
          maxDirectivesPerField: 2,
          maxRootFields: 4,
          maxOperations: 2,
          maxListNesting: 3,
          maxCost: 300,
          maxBatchedOperations: 2,
        },
      },
    });
  });
  afterAll(() => hub.close());

  /** Asks as the IOC; returns the answer and how many subgraph calls it caused. */
  const ask = async (query: string, extra: Record<string, unknown> = {}) => {
    const before = hub.subgraphRequests();
    const answer = await hub.post('ioc-dashboard', { query, ...extra });
    return { ...answer, calls: hub.subgraphRequests() - before };
  };

  it.each([
    ['aliases', aliases(3), aliases(4), 'TOO_MANY_ALIASES'],
    ['directives per field', directives(2), directives(3), 'TOO_MANY_DIRECTIVES'],
    ['root fields', rootFields(4), rootFields(5), 'TOO_MANY_ROOT_FIELDS'],
    ['list nesting', nestedChildren(3), nestedChildren(4), 'LIST_NESTING_TOO_DEEP'],
  ])('allows %s at the bound and refuses one more with its reason', async (_name, atBound, over, reason) => {
    const ok = await ask(atBound);
    expect(ok.status).toBe(200);
    expect(ok.json.errors).toBeUndefined();
    const refused = await ask(over);
    expect(refused.status).toBe(400);
    expect(refused.calls).toBe(0);
    expect(refused.json.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason });
  });

  it('refuses more operations in one document than allowed', async () => {
    expect((await ask(operations(2), { operationName: 'Q0' })).status).toBe(200);
    const refused = await ask(operations(3), { operationName: 'Q0' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors![0]!.extensions).toMatchObject({ reason: 'TOO_MANY_OPERATIONS', limit: 2 });
  });

  it('refuses an operation whose estimated cost is over maxCost, with the cost named', async () => {
    // units(first: 20) × children(first: 10) × 1 weight each: 20 × (1 + 10 × 1) = 220 + one call (5) = 225.
    const fits = await ask('{ units(first: 20) { children(first: 10) { code } } }');
    expect(fits.status).toBe(200);
    const refused = await ask('{ units(first: 30) { children(first: 10) { code } } }');
    expect(refused.status).toBe(400);
    expect(refused.calls).toBe(0);
    expect(refused.json.errors![0]).toMatchObject({
      message: 'Operation cost 335 is over the limit of 300',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT_EXCEEDED', limit: 300 },
    });
  });

  it('reads slicing arguments from variables', async () => {
    const query = 'query($n: Int!) { units(first: $n) { children(first: 10) { code } } }';
    expect((await ask(query, { variables: { n: 20 } })).status).toBe(200);
    expect((await ask(query, { variables: { n: 30 } })).json.errors![0]!.extensions).toMatchObject({
      reason: 'COST_LIMIT_EXCEEDED',
    });
  });

  it('refuses a self-referencing fragment with FRAGMENT_CYCLE', async () => {
    const refused = await ask(
      '{ units { ...A } } fragment A on AdministrativeUnit { code children { ...A } }',
    );
    expect(refused.status).toBe(400);
    expect(refused.json.errors![0]!.extensions).toMatchObject({ reason: 'FRAGMENT_CYCLE' });
  });

  it('answers 40 fragments that each spread the next one twice (2^40 paths) as one small query', async () => {
    // Every walk over the document (depth, shape, cost, authorization, masking) visits each fragment once; jest's
    // timeout is the guard.
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i === 39
        ? 'fragment F39 on AdministrativeUnit { code }'
        : `fragment F${i} on AdministrativeUnit { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const answered = await ask(`{ units(first: 2) { ...F0 } } ${fragments}`);
    expect(answered.json.errors).toBeUndefined();
    expect((answered.json.data!['units'] as { code: string }[]).length).toBeGreaterThan(0);
    expect(answered.calls).toBe(1);
  });

  it('refuses a batch over maxBatchedOperations', async () => {
    const before = hub.subgraphRequests();
    const batch = Array.from({ length: 3 }, () => ({ query: '{ airQuality }' }));
    const refused = await hub.post('ioc-dashboard', batch);
    expect(refused.status).toBe(400);
    expect(refused.json.errors![0]!.extensions).toMatchObject({
      reason: 'TOO_MANY_BATCHED_OPERATIONS',
      limit: 2,
    });
    expect(hub.subgraphRequests()).toBe(before);
  });

  it('names no hidden field in validation errors (no "did you mean")', async () => {
    // `citizens` exists but is outside partner-c's contract.
    const answer = await hub.post('partner-c', { query: '{ citizen { id } }' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).not.toMatch(/citizens|Did you mean/);
  });
});
