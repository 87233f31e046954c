import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '../../fixtures/federation/startSubgraph.js';

const header = readFileSync(new URL('../../../schema/subgraph-header.graphql', import.meta.url), 'utf8');

/** How many times each resolver ran: a cache hit or a refused request leaves these unchanged. */
export const resolverCalls = { dashboard: 0, citizens: 0, units: 0, airQuality: 0 };

const units = Array.from({ length: 30 }, (_, i) => ({ code: String(4789 + i), name: `Phường ${i + 1}` }));

/** The IOC's KPIs and a citizen register with personal data (the "kpi" system). */
export const kpi: SubgraphDefinition = {
  name: 'kpi',
  typeDefs: `${header}
    type Dashboard {
      openDossiers: Int!
      lateDossiers: Int!
      "Increments on every resolve: equal values mean the answer came from the cache."
      revision: Int!
    }
    type Citizen @key(fields: "id") {
      id: ID!
      name: String @personalData(kind: NAME)
      phone: String @personalData(kind: PHONE)
    }
    type AdministrativeUnit @key(fields: "code") {
      code: ID!
      name: String!
      children(first: Int = 10): [AdministrativeUnit!]! @listSize(slicingArguments: ["first"]) @cost(weight: 1)
    }
    type Query {
      dashboard: Dashboard! @cost(weight: 2)
      units(first: Int = 10): [AdministrativeUnit!]! @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false) @cost(weight: 1)
      citizens: [Citizen!]! @requiresScopes(scopes: [["health:read"]]) @listSize(assumedSize: 5)
    }`,
  resolvers: {
    Query: {
      dashboard: () => ({ openDossiers: 412, lateDossiers: 17, revision: ++resolverCalls.dashboard }),
      units: (_: unknown, args: { first: number }) => {
        resolverCalls.units += 1;
        return units.slice(0, args.first);
      },
      citizens: () => {
        resolverCalls.citizens += 1;
        return [{ id: 'C1', name: 'Nguyễn Văn An', phone: '0912345678' }];
      },
    },
    AdministrativeUnit: {
      __resolveReference: (ref: { code: string }) => units.find((u) => u.code === ref.code) ?? null,
      children: (_: unknown, args: { first: number }) => units.slice(0, args.first),
    },
  },
};

/** The environment system, which the tests make slow (its fields only must suffer). */
export const environment: SubgraphDefinition = {
  name: 'environment',
  typeDefs: `${header}
    type AdministrativeUnit @key(fields: "code") {
      code: ID!
      aqi: Int
    }
    type Query {
      airQuality: Int @cost(weight: 2)
    }`,
  resolvers: {
    Query: {
      airQuality: () => {
        resolverCalls.airQuality += 1;
        return 42;
      },
    },
    AdministrativeUnit: {
      __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
      aqi: () => 50,
    },
  },
};
