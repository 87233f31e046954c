/* eslint-disable */
import * as types from './graphql.js';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'query PoliceIncidents($unitCode: ID!, $period: PeriodInput!, $page: Int! = 1, $pageSize: Int! = 20) {\n  incidents(\n    unitCode: $unitCode\n    period: $period\n    page: $page\n    pageSize: $pageSize\n  ) {\n    totalCount\n    hasNextPage\n    items {\n      id\n      category\n      summary\n      occurredAt\n      status\n      placeName\n      involvedPersons {\n        role\n        fullName\n        cccd\n      }\n    }\n  }\n}\n\nquery PoliceAccidentStats($unitCode: ID!, $period: PeriodInput!) {\n  accidentStats(unitCode: $unitCode, period: $period) {\n    unitCode\n    accidents\n    deaths\n    injuries\n    vehiclesInvolved\n  }\n}': typeof types.PoliceIncidentsDocument;
};
const documents: Documents = {
  'query PoliceIncidents($unitCode: ID!, $period: PeriodInput!, $page: Int! = 1, $pageSize: Int! = 20) {\n  incidents(\n    unitCode: $unitCode\n    period: $period\n    page: $page\n    pageSize: $pageSize\n  ) {\n    totalCount\n    hasNextPage\n    items {\n      id\n      category\n      summary\n      occurredAt\n      status\n      placeName\n      involvedPersons {\n        role\n        fullName\n        cccd\n      }\n    }\n  }\n}\n\nquery PoliceAccidentStats($unitCode: ID!, $period: PeriodInput!) {\n  accidentStats(unitCode: $unitCode, period: $period) {\n    unitCode\n    accidents\n    deaths\n    injuries\n    vehiclesInvolved\n  }\n}':
    types.PoliceIncidentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query PoliceIncidents($unitCode: ID!, $period: PeriodInput!, $page: Int! = 1, $pageSize: Int! = 20) {\n  incidents(\n    unitCode: $unitCode\n    period: $period\n    page: $page\n    pageSize: $pageSize\n  ) {\n    totalCount\n    hasNextPage\n    items {\n      id\n      category\n      summary\n      occurredAt\n      status\n      placeName\n      involvedPersons {\n        role\n        fullName\n        cccd\n      }\n    }\n  }\n}\n\nquery PoliceAccidentStats($unitCode: ID!, $period: PeriodInput!) {\n  accidentStats(unitCode: $unitCode, period: $period) {\n    unitCode\n    accidents\n    deaths\n    injuries\n    vehiclesInvolved\n  }\n}',
): typeof import('./graphql.js').PoliceIncidentsDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
