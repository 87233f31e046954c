import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDevIssuer, readDevClientRegistry, type DevIssuer } from '@lgsp/dev-issuer';
import { generateAssertionKeyPair, parseConfig, startGateway, type GatewayConfigInput } from '@lgsp/gateway';
import { composeSupergraph } from '@lgsp/schema';
import { createSubgraphServer, type SubgraphServer } from '@lgsp/subgraph-kit';
import { pino } from 'pino';

/**
 * A small province on real processes for the identity tests: four subgraphs built with the hub's subgraph kit (each
 * verifying the gateway's signed assertion), their supergraph composed like the real one, the real dev OIDC issuer
 * over config/partners.json, and the gateway started as `lgsp-gateway` starts it (`startGateway` from config).
 */

export const registryFile = fileURLToPath(new URL('../../../config/partners.json', import.meta.url));
const header = readFileSync(new URL('../../../schema/subgraph-header.graphql', import.meta.url), 'utf8');

export const incident = {
  id: 'I1',
  summary: 'Va chạm giao thông tại ngã tư Tân Thịnh',
  reporterName: 'Nguyễn Văn An',
  reporterPhone: '0912345678',
  suspectPlate: '28A-123.45',
  unit: { code: '148' },
};
export const cameraEvent = {
  id: 'C1',
  summary: 'Vượt đèn đỏ',
  plate: '28A-678.90',
  location: { latitude: 20.813456, longitude: 105.338123 },
};
export const vaccination = {
  cccd: '017095001123',
  fullName: 'Trần Thị Bình',
  birthDate: '1990-05-12',
  address: 'Số 12 Trần Hưng Đạo, Phường Phương Lâm, Hòa Bình',
  doses: 3,
};

const systems = {
  catalog: {
    sdl: `type Query { units: [AdministrativeUnit!]! }
      type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }`,
    resolvers: {
      Query: { units: () => [{ code: '148', name: 'Thành phố Hòa Bình' }] },
      AdministrativeUnit: {
        __resolveReference: (ref: { code: string }) => ({ code: ref.code, name: 'Thành phố Hòa Bình' }),
      },
    },
  },
  police: {
    sdl: `type Query {
        incidents: [Incident!]! @requiresScopes(scopes: [["police:read"]])
        search(text: String!): [SearchResult!]!
        records: [Record!]! @authenticated
      }
      union SearchResult = Incident | CameraEvent
      interface Record { id: ID! summary: String }
      type Incident implements Record @key(fields: "id") @requiresScopes(scopes: [["police:read"]]) {
        id: ID!
        summary: String
        reporterName: String @personalData(kind: NAME)
        reporterPhone: String @personalData(kind: PHONE)
        suspectPlate: String @personalData(kind: PLATE) @policy(policies: [["LAW_ENFORCEMENT"]])
        unit: AdministrativeUnit
      }
      type CameraEvent implements Record @key(fields: "id") {
        id: ID!
        summary: String
        plate: String @personalData(kind: PLATE)
        location: GeoPoint
      }
      type AdministrativeUnit @key(fields: "code") {
        code: ID!
        incidentCount: Int @requiresScopes(scopes: [["police:read"]])
      }`,
    resolvers: {
      Query: {
        incidents: () => [incident],
        search: () => [incident, cameraEvent],
        records: () => [incident, cameraEvent],
      },
      SearchResult: { __resolveType: (o: { plate?: string }) => (o.plate ? 'CameraEvent' : 'Incident') },
      Record: { __resolveType: (o: { plate?: string }) => (o.plate ? 'CameraEvent' : 'Incident') },
      AdministrativeUnit: { incidentCount: () => 7 },
    },
  },
  health: {
    sdl: `type Query {
        vaccination(cccd: String!): Vaccination @requiresScopes(scopes: [["health:read", "pii:read"]])
        facilities: [Facility!]! @requiresScopes(scopes: [["health:read"]])
      }
      type Vaccination { cccd: String @personalData(kind: CCCD) fullName: String @personalData(kind: NAME)
        birthDate: Date @personalData(kind: BIRTH_DATE) address: String @personalData(kind: ADDRESS) doses: Int }
      type Facility { name: String! beds: Int }
      type AdministrativeUnit @key(fields: "code") {
        code: ID!
        diseaseCases: Int @requiresScopes(scopes: [["health:read"]])
      }`,
    resolvers: {
      Query: {
        vaccination: () => vaccination,
        facilities: () => [{ name: 'Bệnh viện Đa khoa tỉnh Hòa Bình', beds: 800 }],
      },
      AdministrativeUnit: { diseaseCases: () => 3 },
    },
  },
  audit: {
    sdl: `type Query { auditTrail: [AuditEntry!]! }
      type AuditEntry @requiresScopes(scopes: [["audit:read"]]) { id: ID! clientId: String }`,
    resolvers: { Query: { auditTrail: () => [{ id: 'A1', clientId: 'partner-police' }] } },
  },
};

export type SystemName = keyof typeof systems;

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface AuthHub {
  issuer: DevIssuer;
  /** Gateway origin. */
  url: string;
  subgraphUrls: Record<SystemName, string>;
  /** Operations each subgraph executed (counted by the subgraphs themselves). */
  calls: Record<SystemName, number>;
  token(clientId: string): Promise<string>;
  /** POSTs an operation; `auth` is a client id (a fresh token of the dev issuer) or a raw `Authorization` value. */
  post(
    query: string,
    options?: { client?: string; authorization?: string; headers?: Record<string, string>; path?: string },
  ): Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
  close(): Promise<void>;
}

export async function startAuthHub(gatewayConfig: Partial<GatewayConfigInput> = {}): Promise<AuthHub> {
  const dir = await mkdtemp(join(tmpdir(), 'lgsp-auth-'));
  const { privateJwk, publicJwk } = generateAssertionKeyPair();
  const keyFile = join(dir, 'assertion-key.json');
  await writeFile(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  const log = pino({ level: 'silent' });
  const calls = { catalog: 0, police: 0, health: 0, audit: 0 };
  const servers = {} as Record<SystemName, SubgraphServer>;
  for (const [name, system] of Object.entries(systems) as [SystemName, (typeof systems)[SystemName]][]) {
    servers[name] = await createSubgraphServer({
      name,
      typeDefs: `${header}\n${system.sdl}`,
      resolvers: system.resolvers as never,
      log,
      context: () => {
        calls[name] += 1;
        return {};
      },
      gatewayTrust: { keys: [publicJwk] },
    });
  }
  const subgraphUrls = Object.fromEntries(
    Object.entries(servers).map(([name, server]) => [name, server.url!]),
  ) as Record<SystemName, string>;
  const composed = composeSupergraph(
    Object.entries(systems).map(([name, system]) => ({
      name,
      url: subgraphUrls[name as SystemName],
      sdl: `${header}\n${system.sdl}`,
    })),
  );
  if (!composed.ok) throw new Error(`auth hub does not compose:\n${composed.errors.join('\n')}`);
  const supergraphPath = join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraphSdl);

  const issuer = await createDevIssuer({ port: 0, registry: await readDevClientRegistry(registryFile) });
  const config = parseConfig({
    ...gatewayConfig,
    server: { port: 0, host: '127.0.0.1' },
    supergraph: { path: supergraphPath, watch: false },
    log: { level: 'silent' },
    // This hub's audit trail in its temp dir, not the shared `.data/audit`.
    audit: { file: { dir: join(dir, 'audit') }, spool: { dir: join(dir, 'audit-spool') } },
    auth: {
      issuer: issuer.issuer,
      audience: issuer.audience,
      registryFile,
      watchRegistry: false,
      subgraphAssertion: { privateKeyFile: keyFile },
      ...gatewayConfig.auth,
    },
  });
  const gateway = await startGateway(config, { log });

  return {
    issuer,
    url: gateway.url,
    subgraphUrls,
    calls,
    token: (clientId) => issuer.issueToken(clientId),
    async post(query, options = {}) {
      const authorization =
        options.authorization ??
        (options.client === undefined ? undefined : `Bearer ${await issuer.issueToken(options.client)}`);
      const response = await fetch(`${gateway.url}${options.path ?? '/graphql'}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(authorization === undefined ? {} : { authorization }),
          ...options.headers,
        },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLBody,
      };
    },
    async close() {
      await gateway.close();
      await issuer.close();
      await Promise.all(Object.values(servers).map((server) => server.close()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
