import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import { GraphQLSchema, Kind, parse, print, printSchema, specifiedDirectives } from 'graphql';
import {
  buildContractSchema,
  collectAuthRequirements,
  createAccessRules,
  parsePartnerRegistry,
  type ClientPrincipal,
} from '../../../gateway/dist/auth/index.js';

/** The repository root, seen from sdk/tools/src or sdk/tools/dist. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The province subgraphs whose resolver types are generated (schema/subgraphs.json). */
export function provinceSubgraphs(): { name: string; schema: string }[] {
  return JSON.parse(readFileSync(path.join(repositoryRoot, 'schema', 'subgraphs.json'), 'utf8')) as {
    name: string;
    schema: string;
  }[];
}

/** Root fields of the Federation protocol: the gateway refuses them to everyone, so no SDK offers them. */
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);

/**
 * The public schema of a supergraph: what the gateway serves before any contract applies, without the Federation
 * root fields and without directive definitions (clients never write `@requiresScopes`; their scalars would
 * otherwise leak into the SDK's types).
 */
export function publicSchema(supergraphSdl: string): GraphQLSchema {
  const stitched = getStitchedSchemaFromSupergraphSdl({ supergraphSdl });
  const withoutDirectives = new GraphQLSchema({ ...stitched.toConfig(), directives: specifiedDirectives });
  return pruneSchema(
    filterSchema({
      schema: withoutDirectives,
      rootFieldFilter: (_operation, field) => !FEDERATION_ROOT_FIELDS.has(field),
    }),
  );
}

export function readSupergraph(file = path.join(repositoryRoot, 'schema', 'supergraph.graphql')): string {
  return readFileSync(file, 'utf8');
}

export function printPublicSchema(supergraphSdl: string = readSupergraph()): string {
  return printSchema(publicSchema(supergraphSdl));
}

export interface ContractOptions {
  /** The client id of the partner registry (token `azp`). */
  clientId: string;
  /** A purpose the client may declare; policies named like purposes are met only with it. Default: none. */
  purpose?: string;
  /** Default: schema/supergraph.graphql. */
  supergraphSdl?: string;
  /** Default: config/partners.json. */
  registryFile?: string;
}

/**
 * The schema one partner may see, built by the gateway's own contract builder from the registry entry as if the
 * partner held every scope the registry grants it (the most a token of it can carry).
 */
export function contractSchema(options: ContractOptions): GraphQLSchema {
  const supergraphSdl = options.supergraphSdl ?? readSupergraph();
  const registryFile = options.registryFile ?? path.join(repositoryRoot, 'config', 'partners.json');
  const parsed = parsePartnerRegistry(JSON.parse(readFileSync(registryFile, 'utf8')));
  if (!parsed.ok) throw new Error(`${registryFile} is invalid:\n  ${parsed.problems.join('\n  ')}`);
  const client = Object.hasOwn(parsed.registry.clients, options.clientId)
    ? parsed.registry.clients[options.clientId]
    : undefined;
  if (client === undefined) {
    const known = Object.keys(parsed.registry.clients).join(', ');
    throw new Error(`unknown client ${options.clientId} (registry ${registryFile} has: ${known})`);
  }
  if (options.purpose !== undefined && !client.purposes.includes(options.purpose)) {
    throw new Error(`client ${options.clientId} may not declare purpose ${options.purpose}`);
  }
  const principal: ClientPrincipal = {
    kind: 'client',
    clientId: options.clientId,
    subject: `service-account-${options.clientId}`,
    agency: client.agency,
    scopes: new Set(client.scopes),
    purposesAllowed: client.purposes,
    personalData: client.personalData,
    introspection: client.introspection,
    onUnauthorizedFields: client.onUnauthorizedFields,
    operations: client.operations,
    expiresAt: Number.MAX_SAFE_INTEGER,
  };
  return buildContractSchema({
    schema: publicSchema(supergraphSdl),
    requirements: collectAuthRequirements(supergraphSdl),
    rules: createAccessRules(),
    context: { principal, ...(options.purpose === undefined ? {} : { purpose: options.purpose }) },
  });
}

/**
 * Definitions of the Federation v2 directives a subgraph imports with `@link`, beyond the v1 ones that codegen's
 * `federation: true` adds itself (`@key`, `@external`, `@requires`, `@provides`, `@extends`).
 */
const FEDERATION_V2_DEFINITIONS = /* GraphQL */ `
  scalar federation__Scope
  scalar federation__Policy
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
  directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(
    scopes: [[federation__Scope!]!]!
  ) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @policy(
    policies: [[federation__Policy!]!]!
  ) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @cost(
    weight: Int!
  ) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
    requireOneSlicingArgument: Boolean = true
  ) on FIELD_DEFINITION
`;

/**
 * A subgraph's schema.graphql as codegen can load it: the `extend schema @link(...)` head removed (codegen does not
 * know `@link`) and the imported Federation v2 directives defined, so the SDL validates.
 */
export function subgraphSchemaForCodegen(schemaFile: string): string {
  const document = parse(readFileSync(path.join(repositoryRoot, schemaFile), 'utf8'));
  const definitions = document.definitions.filter((definition) => definition.kind !== Kind.SCHEMA_EXTENSION);
  return `${FEDERATION_V2_DEFINITIONS}\n${print({ ...document, definitions })}`;
}
