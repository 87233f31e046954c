import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256Hex, type AuditEventInput, type AuditHealth } from '@lgsp/audit';
import { composeSupergraph } from '@lgsp/schema';
import { createLocalJWKSet } from 'jose';
import { pino } from 'pino';
import { createAuthService, type AuthService } from '../src/auth/createAuthService.js';
import { parseConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/createGateway.js';
import { useAudit } from '../src/plugins/useAudit.js';
import {
  createSupergraphManager,
  type SupergraphManager,
} from '../src/supergraph/createSupergraphManager.js';
import {
  accessClaims,
  AUDIENCE,
  createTrustedKey,
  ISSUER,
  sign,
  type TrustedKey,
} from './auth/fixtures/tokens.js';
import { writeTempSupergraph } from './testGateway.js';

const registryFile = fileURLToPath(new URL('../../config/partners.json', import.meta.url));
const header = readFileSync(new URL('../../schema/subgraph-header.graphql', import.meta.url), 'utf8');

/** Subgraphs on port 9 (nothing listens): executed operations fail with UPSTREAM_ERROR, which is enough here. */
function supergraph() {
  const composed = composeSupergraph([
    {
      name: 'catalog',
      url: 'http://127.0.0.1:9/catalog',
      sdl: `${header}
        type Query { units: [AdministrativeUnit!]! }
        type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }`,
    },
    {
      name: 'police',
      url: 'http://127.0.0.1:9/police',
      sdl: `${header}
        type Query {
          incidents(reporterPhone: String): [Incident!]! @requiresScopes(scopes: [["police:read"]])
        }
        type Incident @key(fields: "id") { id: ID! reporterPhone: String @personalData(kind: PHONE) }`,
    },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  return composed.supergraphSdl;
}

describe('useAudit', () => {
  let key: TrustedKey;
  let manager: SupergraphManager;
  let auth: AuthService;
  let gateway: Gateway;
  const appended: AuditEventInput[] = [];
  let health: AuditHealth = { state: 'ok', personalDataAllowed: true, reason: null };
  const trail = {
    append(input: AuditEventInput) {
      appended.push(input);
      return String(appended.length);
    },
    health: () => health,
  };

  beforeAll(async () => {
    key = await createTrustedKey();
    const path = await writeTempSupergraph(supergraph());
    const config = parseConfig({
      supergraph: { path, watch: false },
      subgraphs: { timeoutMs: 2000 },
      auth: { issuer: ISSUER, audience: AUDIENCE, registryFile, watchRegistry: false },
    });
    const log = pino({ level: 'silent' });
    manager = await createSupergraphManager(config, log);
    auth = await createAuthService({
      config: config.auth,
      supergraphSdl: supergraph(),
      keys: createLocalJWKSet({ keys: [key.publicJwk] }),
    });
    const audit = useAudit({
      trail,
      live: () => manager.current(),
      graphqlPath: '/graphql',
      requestIdHeader: 'x-request-id',
      log,
    });
    gateway = createGateway(config, { supergraph: manager, log, auth, plugins: [audit] });
  });
  afterAll(async () => {
    auth.close();
    await manager.close();
  });
  afterEach(() => {
    appended.length = 0;
    health = { state: 'ok', personalDataAllowed: true, reason: null };
  });

  async function post(query: string, client: string, variables: Record<string, unknown> = {}) {
    const token = await sign(key, accessClaims(client));
    const response = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
        'x-request-id': `req-${client}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('refuses a personal-data read with AUDIT_UNAVAILABLE (503) while the trail cannot record, and records it', async () => {
    health = { state: 'unavailable', personalDataAllowed: false, reason: 'audit spool not writable' };
    const { status, body } = await post('{ incidents { id reporterPhone } }', 'partner-police');
    expect(status).toBe(503);
    expect(body['errors']).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'AUDIT_UNAVAILABLE',
          reason: 'audit spool not writable',
        }),
      }),
    ]);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({
      requestId: 'req-partner-police',
      client: 'partner-police',
      outcome: 'refused',
      errorCodes: ['AUDIT_UNAVAILABLE'],
      personalCoordinates: ['Incident.reporterPhone'],
      subgraphs: new Set(),
    });
  });

  it('lets open data through while the trail cannot record', async () => {
    health = { state: 'unavailable', personalDataAllowed: false, reason: 'audit spool not writable' };
    const { body } = await post('{ units { name } }', 'partner-police');
    const codes = (body['errors'] as { extensions: { code: string } }[]).map((e) => e.extensions.code);
    expect(codes).not.toContain('AUDIT_UNAVAILABLE');
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ personalCoordinates: [], errorCodes: codes });
    expect([...(appended[0]!.subgraphs ?? [])]).toEqual(['catalog']);
  });

  it('records a failed personal-data read with the subgraph called and its variables marked personal', async () => {
    const query = 'query ByPhone($phone: String) { incidents(reporterPhone: $phone) { id } }';
    await post(query, 'partner-police', { phone: '0912345678' });
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({
      operationName: 'ByPhone',
      operationType: 'query',
      documentHash: sha256Hex(query),
      variables: { phone: '0912345678' },
      personalVariables: ['phone'],
      outcome: 'failed',
    });
    expect([...(appended[0]!.subgraphs ?? [])]).toEqual(['police']);
  });

  it('lists an identifier written in the document as an entity key (hashed by the trail)', async () => {
    await post('{ incidents(reporterPhone: "0912345678") { id } }', 'partner-police');
    expect(appended[0]!.personalEntityKeys).toEqual([{ kind: 'PHONE', value: '0912345678' }]);
  });

  it('records a request refused before GraphQL ran, with the refusal code', async () => {
    const response = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        authorization: `Bearer ${await sign(key, accessClaims('partner-police'))}`,
      },
      body: '{ units { name } }',
    });
    expect(response.status).toBe(415);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ errorCodes: ['UNSUPPORTED_MEDIA_TYPE'], outcome: 'failed' });
  });

  it('records no operation for a health probe', async () => {
    expect((await gateway.fetch('http://gateway/healthz')).status).toBe(200);
    expect(appended).toEqual([]);
  });
});
