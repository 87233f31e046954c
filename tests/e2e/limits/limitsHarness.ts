import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '@lgsp/schema';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { pino, type Logger } from 'pino';
import { createAuthService, type AuthService } from '../../../gateway/src/auth/createAuthService.js';
import { parseConfig, type GatewayConfigInput } from '../../../gateway/src/config.js';
import { createGateway, type Gateway } from '../../../gateway/src/createGateway.js';
import {
  createLimitsPlugins,
  type CacheConfigInput,
  type LimitsConfigInput,
  type LimitsPlugins,
} from '../../../gateway/src/limits/index.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../../../gateway/src/supergraph/createSupergraphManager.js';
import { startSubgraph, type FixtureSubgraph } from '../../fixtures/federation/startSubgraph.js';
import { environment, kpi } from './limitsSubgraphs.js';

export const ISSUER = 'https://id.example.gov.vn/realms/lgsp';

const contact = { name: 'Tổ kỹ thuật', email: 'kythuat@example.gov.vn' };
const client = (code: string, scopes: string[], extra: Record<string, unknown> = {}) => ({
  agency: { name: `Cơ quan ${code}`, code },
  scopes,
  purposes: [],
  personalData: false,
  introspection: true,
  contact,
  ...extra,
});

/** The registry of these tests: two ordinary partners with different contracts, a trusted-only one, the IOC. */
export const registry = {
  version: 1,
  purposes: {
    PUBLIC_HEALTH: {
      description: 'Phòng, chống dịch bệnh',
      legalBasis: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15',
    },
  },
  clients: {
    'ioc-dashboard': client('IOC-HB', ['catalog:read', 'environment:read'], {
      onUnauthorizedFields: 'remove',
    }),
    'partner-a': client('SYT-HB', ['catalog:read', 'health:read']),
    'partner-b': client('CA-HB', ['catalog:read', 'health:read', 'pii:read'], {
      purposes: ['PUBLIC_HEALTH'],
      personalData: true,
    }),
    'partner-c': client('STNMT-HB', ['catalog:read', 'environment:read']),
    'partner-trusted': client('BHXH-HB', ['catalog:read'], { operations: 'trusted' }),
  },
};

export interface LimitsHub {
  gateway: Gateway;
  limits: LimitsPlugins;
  subgraphs: { kpi: FixtureSubgraph; environment: FixtureSubgraph };
  /** Subgraph HTTP requests received so far, all subgraphs together. */
  subgraphRequests(): number;
  /** POSTs a GraphQL request as `clientId` (no token when undefined). */
  post(
    clientId: string | undefined,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; json: GraphQLBody }>;
  query(
    clientId: string | undefined,
    query: string,
    headers?: Record<string, string>,
  ): ReturnType<LimitsHub['post']>;
  workDir: string;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function signer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const tokens = new Map<string, string>();
  return {
    keys: createLocalJWKSet({ keys: [publicJwk] }),
    async token(clientId: string): Promise<string> {
      let token = tokens.get(clientId);
      if (token !== undefined) return token;
      const scopes = (registry.clients as Record<string, { scopes: string[] }>)[clientId]?.scopes ?? [];
      const now = Math.floor(Date.now() / 1000);
      token = await new SignJWT({ azp: clientId, scope: scopes.join(' '), typ: 'Bearer' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience('lgsp-gateway')
        .setSubject(`service-account-${clientId}`)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(privateKey);
      tokens.set(clientId, token);
      return token;
    },
  };
}

export interface LimitsHubOptions {
  /** The limits section, or a function of the work directory (for manifest paths). */
  limits?: LimitsConfigInput | ((workDir: string) => LimitsConfigInput);
  cache?: CacheConfigInput;
  gateway?: Partial<GatewayConfigInput>;
  log?: Logger;
  /** Extra files to write in the work directory before start (manifests). */
  files?: Record<string, string>;
}

/**
 * Two real Apollo subgraphs on loopback, and the gateway in-process with real auth (hand-signed tokens over a local
 * JWKS) and the limits wired as `startGateway` wires them: `createGateway`'s `limits` slots, the subgraph guard
 * around the executors `createSupergraphManager` creates, registry quotas from the auth service.
 */
export async function startLimitsHub(options: LimitsHubOptions = {}): Promise<LimitsHub> {
  const [kpiServer, environmentServer] = await Promise.all([startSubgraph(kpi), startSubgraph(environment)]);
  const workDir = await mkdtemp(join(tmpdir(), 'lgsp-limits-'));
  const registryFile = join(workDir, 'partners.json');
  await writeFile(registryFile, JSON.stringify(registry));
  // Tokens are verified against this JWKS; the harness never calls an issuer.
  for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(join(workDir, name), text);
  const composed = composeSupergraph(
    [kpiServer, environmentServer].map((s) => ({ name: s.name, url: s.url, sdl: s.typeDefs })),
  );
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const sdl = composed.supergraphSdl;
  const supergraphPath = join(workDir, 'supergraph.graphql');
  await writeFile(supergraphPath, sdl);
  const log = options.log ?? pino({ level: 'silent' });
  const config = parseConfig({
    ...options.gateway,
    supergraph: { path: supergraphPath, watch: false },
    auth: { issuer: ISSUER, registryFile, watchRegistry: false, subgraphAssertion: { enabled: false } },
    limits: typeof options.limits === 'function' ? options.limits(workDir) : (options.limits ?? {}),
    cache: options.cache ?? {},
  });
  const sign = await signer();
  const auth: AuthService = await createAuthService({
    config: config.auth,
    supergraphSdl: sdl,
    keys: sign.keys,
  });
  // As startGateway wires them: the limits first, whose guard wraps the executors the supergraph manager creates.
  const late: { supergraph?: SupergraphManager } = {};
  const limits = await createLimitsPlugins(
    { limits: config.limits, cache: config.cache },
    { live: () => late.supergraph!.current(), log, registryQuota: (clientId) => auth.quota(clientId) },
  );
  const supergraph = await createSupergraphManager(config, log, {
    wrapExecutor: (name, executor) => limits.subgraphGuard.wrap(name, executor),
  });
  late.supergraph = supergraph;
  const gateway = createGateway(config, { supergraph, log, auth, limits });
  const post: LimitsHub['post'] = async (clientId, body, headers = {}) => {
    const response = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(clientId ? { authorization: `Bearer ${await sign.token(clientId)}` } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as GraphQLBody,
    };
  };
  return {
    gateway,
    limits,
    subgraphs: { kpi: kpiServer, environment: environmentServer },
    subgraphRequests: () => kpiServer.requests.length + environmentServer.requests.length,
    post,
    query: (clientId, query, headers) => post(clientId, { query }, headers),
    authorization: async (clientId) => `Bearer ${await sign.token(clientId)}`,
    workDir,
    async close() {
      await limits.close();
      auth.close();
      await supergraph.close();
      await Promise.all([kpiServer.close(), environmentServer.close()]);
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
