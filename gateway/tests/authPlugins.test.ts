import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeSupergraph } from '@lgsp/schema';
import { createLocalJWKSet } from 'jose';
import { pino } from 'pino';
import { getAccessRecord, type AccessRecord } from '../src/accessRecord.js';
import { createAuthService, type AuthService } from '../src/auth/createAuthService.js';
import { parseConfig, type GatewayConfig } from '../src/config.js';
import { createGateway, type Gateway, type GatewayPlugin } from '../src/createGateway.js';
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

/** Two subgraphs that are never reached (port 9): these tests stop before execution or read only the schema. */
function supergraph(unitsRule = '') {
  const composed = composeSupergraph([
    {
      name: 'catalog',
      url: 'http://127.0.0.1:9/catalog',
      sdl: `${header}
        type Query { units: [AdministrativeUnit!]! ${unitsRule} }
        type AdministrativeUnit @key(fields: "code") { code: ID! name: String! }`,
    },
    {
      name: 'police',
      url: 'http://127.0.0.1:9/police',
      sdl: `${header}
        type Query { incidents: [Incident!]! @requiresScopes(scopes: [["police:read"]]) }
        type Incident @key(fields: "id") { id: ID! reporterPhone: String @personalData(kind: PHONE) }`,
    },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  return composed.supergraphSdl;
}

describe('auth plugins in the gateway', () => {
  let key: TrustedKey;
  let path: string;
  let config: GatewayConfig;
  let manager: SupergraphManager;
  let auth: AuthService;
  let gateway: Gateway;
  const records: (AccessRecord | undefined)[] = [];
  const recorder: GatewayPlugin = {
    onResponse({ request }) {
      records.push(getAccessRecord(request));
    },
  };

  beforeAll(async () => {
    key = await createTrustedKey();
    path = await writeTempSupergraph(supergraph());
    config = parseConfig({
      dev: true,
      supergraph: { path, watch: false },
      auth: { issuer: ISSUER, audience: AUDIENCE, registryFile, watchRegistry: false },
    });
    const log = pino({ level: 'silent' });
    manager = await createSupergraphManager(config, log);
    auth = await createAuthService({
      config: config.auth,
      supergraphSdl: supergraph(),
      keys: createLocalJWKSet({ keys: [key.publicJwk] }),
    });
    gateway = createGateway(config, { supergraph: manager, log, auth, plugins: [recorder] });
  });
  afterAll(async () => {
    auth.close();
    await manager.close();
  });
  afterEach(() => {
    records.length = 0;
  });

  async function post(query: string, client?: string, headers: Record<string, string> = {}) {
    const token = client === undefined ? undefined : await sign(key, accessClaims(client));
    const response = await gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('will not build a gateway configured for auth without the auth service', () => {
    expect(() => createGateway(config, { supergraph: manager, log: pino({ level: 'silent' }) })).toThrow(
      /auth.mode is required: createGateway needs the auth service/,
    );
  });

  it('records an unauthenticated request with its reason, for the audit trail', async () => {
    const { status, headers } = await post('{ units { name } }');
    expect(status).toBe(401);
    expect(headers.get('x-request-id')).toBeTruthy();
    expect(records).toEqual([
      {
        state: 'unauthenticated',
        operations: [],
        refusals: [{ code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' }],
      },
    ]);
  });

  it('records the principal, purpose, case id and the refusal of an operation', async () => {
    const { status } = await post('{ incidents { id reporterPhone } }', 'partner-health', {
      'x-case-id': 'HS-2026-7',
    });
    expect(status).toBe(403);
    const record = records[0]!;
    expect(record).toMatchObject({
      state: 'authenticated',
      principal: { kind: 'client', clientId: 'partner-health', agency: { code: 'SYT-HB' } },
      caseId: 'HS-2026-7',
      refusals: [],
      operations: [
        {
          decision: 'refuse',
          coordinates: [],
          personalData: [],
          masked: [],
          refusals: [
            {
              code: 'FORBIDDEN',
              reason: 'requires scope police:read',
              legalBasis: expect.stringContaining('194/2025'),
              coordinate: 'Query.incidents',
              path: ['incidents'],
            },
          ],
        },
      ],
    });
  });

  it('records the coordinates and personal data an allowed operation reads', async () => {
    // The subgraph is unreachable: the operation is decided, then fails upstream (its record stays).
    await post('query Phones { incidents { id reporterPhone } }', 'partner-police', {
      'x-purpose': 'LAW_ENFORCEMENT',
    });
    expect(records[0]).toMatchObject({
      principal: { clientId: 'partner-police' },
      purpose: 'LAW_ENFORCEMENT',
      operations: [
        {
          operationName: 'Phones',
          decision: 'allow',
          coordinates: ['Query.incidents', 'Incident.id', 'Incident.reporterPhone'],
          personalData: ['Incident.reporterPhone'],
        },
      ],
    });
  });

  it('serves the GraphiQL page and the health probes without a token', async () => {
    const page = await gateway.fetch('http://gateway/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    await page.text();
    const health = await gateway.fetch('http://gateway/healthz');
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('applies new rules after a supergraph reload', async () => {
    expect((await post('{ units { name } }', 'auditor')).body['errors']).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) }),
    ]);
    await writeFile(path, supergraph('@requiresScopes(scopes: [["catalog:read"]])'));
    expect(await manager.reload()).toBe(true);
    const after = await post('{ units { name } }', 'auditor');
    expect(after.status).toBe(403);
    expect(after.body['errors']).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'requires scope catalog:read' }),
      }),
    ]);
  });
});
