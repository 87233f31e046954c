import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClientCredentialsProvider } from '@lgsp/sdk';
import { repositoryRoot } from '@lgsp/schema';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  GraphQLSchema,
  specifiedDirectives,
  type IntrospectionQuery,
} from 'graphql';
import { pruneSchema } from '@graphql-tools/utils';
import { startSdkHub, type SdkHub } from './sdkHub.js';

let sdk: SdkHub;
beforeAll(async () => {
  sdk = await startSdkHub();
}, 120_000);
afterAll(() => sdk?.close());

/**
 * Every coordinate a client can name in an operation: type fields, input fields, enum values, union members. Types
 * only reachable from directive definitions (the gateway's introspection keeps `@requiresScopes` and
 * `@personalData`, hence `requiresScopes__Scope` and `PersonalDataKind`) are not part of what an operation can read.
 */
function coordinates(full: GraphQLSchema): string[] {
  const schema = pruneSchema(new GraphQLSchema({ ...full.toConfig(), directives: specifiedDirectives }));
  const result: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.keys(type.getFields())) result.push(`${type.name}.${field}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) result.push(`${type.name}.${value.name}`);
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) result.push(`${type.name}|${member.name}`);
    } else result.push(type.name);
  }
  return result.sort();
}

async function introspectAs(clientId: string, scopes: string[]): Promise<GraphQLSchema> {
  const tokens = createClientCredentialsProvider({
    issuer: sdk.issuer.issuer,
    clientId,
    clientSecret: sdk.secretOf(clientId),
    scopes,
  });
  const response = await sdk.hub.query(
    getIntrospectionQuery(),
    {},
    { authorization: `Bearer ${await tokens.token()}` },
  );
  expect(response.body.errors).toBeUndefined();
  return buildClientSchema(response.body.data as unknown as IntrospectionQuery);
}

const committed = (clientId: string) =>
  buildSchema(
    readFileSync(path.join(repositoryRoot, `sdk/src/contracts/${clientId}/schema.graphql`), 'utf8'),
  );

describe("a partner's contract SDK is exactly what the gateway shows that partner", () => {
  it.each([
    ['partner-health', ['catalog:read', 'health:read']],
    ['partner-police', ['catalog:read', 'police:read', 'pii:read']],
    ['ioc-dashboard', ['catalog:read', 'egov:read', 'police:read', 'health:read', 'environment:read']],
  ])(
    '%s: the committed contract schema equals its introspection through the gateway',
    async (clientId, scopes) => {
      const seen = coordinates(await introspectAs(clientId, scopes));
      expect(coordinates(committed(clientId))).toEqual(seen);
    },
  );
});
