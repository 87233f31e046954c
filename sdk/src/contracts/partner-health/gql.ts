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
  'query HealthDiseaseCases($unitCode: ID!, $disease: Disease, $fromWeek: String, $toWeek: String) {\n  diseaseCaseStats(\n    unitCode: $unitCode\n    disease: $disease\n    fromWeek: $fromWeek\n    toWeek: $toWeek\n  ) {\n    disease\n    isoWeek\n    weekStart\n    weekEnd\n    cases\n    hospitalised\n    deaths\n    unit {\n      code\n      name\n    }\n  }\n}\n\nquery HealthFacilities($unitCode: ID, $page: Int = 1, $perPage: Int = 20) {\n  healthFacilities(unitCode: $unitCode, page: $page, perPage: $perPage) {\n    page\n    perPage\n    items {\n      id\n      name\n      type\n      beds\n      occupancy {\n        date\n        occupiedBeds\n        occupancyRate\n      }\n    }\n  }\n}': typeof types.HealthDiseaseCasesDocument;
};
const documents: Documents = {
  'query HealthDiseaseCases($unitCode: ID!, $disease: Disease, $fromWeek: String, $toWeek: String) {\n  diseaseCaseStats(\n    unitCode: $unitCode\n    disease: $disease\n    fromWeek: $fromWeek\n    toWeek: $toWeek\n  ) {\n    disease\n    isoWeek\n    weekStart\n    weekEnd\n    cases\n    hospitalised\n    deaths\n    unit {\n      code\n      name\n    }\n  }\n}\n\nquery HealthFacilities($unitCode: ID, $page: Int = 1, $perPage: Int = 20) {\n  healthFacilities(unitCode: $unitCode, page: $page, perPage: $perPage) {\n    page\n    perPage\n    items {\n      id\n      name\n      type\n      beds\n      occupancy {\n        date\n        occupiedBeds\n        occupancyRate\n      }\n    }\n  }\n}':
    types.HealthDiseaseCasesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query HealthDiseaseCases($unitCode: ID!, $disease: Disease, $fromWeek: String, $toWeek: String) {\n  diseaseCaseStats(\n    unitCode: $unitCode\n    disease: $disease\n    fromWeek: $fromWeek\n    toWeek: $toWeek\n  ) {\n    disease\n    isoWeek\n    weekStart\n    weekEnd\n    cases\n    hospitalised\n    deaths\n    unit {\n      code\n      name\n    }\n  }\n}\n\nquery HealthFacilities($unitCode: ID, $page: Int = 1, $perPage: Int = 20) {\n  healthFacilities(unitCode: $unitCode, page: $page, perPage: $perPage) {\n    page\n    perPage\n    items {\n      id\n      name\n      type\n      beds\n      occupancy {\n        date\n        occupiedBeds\n        occupancyRate\n      }\n    }\n  }\n}',
): typeof import('./graphql.js').HealthDiseaseCasesDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
