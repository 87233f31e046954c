// Partner traffic protection as a partner's system meets it through the SDK, against the started gateway (the real
// wiring: startGateway builds the limits from `gatewayConfig.limits`).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type DocumentMode, type LgspError } from '@lgsp/sdk';
import { HealthFacilitiesDocument, PoliceIncidentsDocument } from '@lgsp/sdk/operations';
import { repositoryRoot } from '@lgsp/schema';
import { partnersFile, startSdkHub, type SdkHub } from './sdkHub.js';

const manifest = path.join(repositoryRoot, 'sdk', 'src', 'generated', 'persisted-documents.json');

let sdk: SdkHub;
let workDir: string;
beforeAll(async () => {
  // A copy of the registry where Sở Y tế may only send the catalogue's trusted documents.
  workDir = await mkdtemp(path.join(tmpdir(), 'lgsp-sdk-limits-'));
  const registry = JSON.parse(await readFile(partnersFile, 'utf8')) as {
    clients: Record<string, Record<string, unknown>>;
  };
  registry.clients['partner-health']!['operations'] = 'trusted';
  const registryFile = path.join(workDir, 'partners.json');
  await writeFile(registryFile, JSON.stringify(registry));
  sdk = await startSdkHub({
    auth: { registryFile },
    hub: {
      gatewayConfig: {
        limits: {
          trustedDocuments: { manifests: [manifest], watch: false },
          clients: { 'partner-police': { requestsPerMinute: 1, burst: 1 } },
        },
      },
    },
  });
}, 120_000);
afterAll(async () => {
  await sdk?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const SCOPES: Record<string, string[]> = {
  'partner-health': ['catalog:read', 'health:read'],
  'partner-police': ['catalog:read', 'police:read', 'pii:read'],
};

const clientFor = (clientId: string, documentMode: DocumentMode) =>
  createClient({
    endpoint: sdk.hub.graphqlUrl,
    issuer: sdk.issuer.issuer,
    clientId,
    clientSecret: sdk.secretOf(clientId),
    scopes: SCOPES[clientId]!,
    documentMode,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error as LgspError,
  );

const period = { from: '2025-01-01', to: '2025-06-30' };

describe('partner traffic protection through the SDK', () => {
  it('serves a trusted-only partner the catalogue by hash', async () => {
    const data = await clientFor('partner-health', 'persisted').request(HealthFacilitiesDocument, {
      unitCode: '148',
    });
    expect(data.healthFacilities.items.length).toBeGreaterThan(0);
  });

  it('refuses a trusted-only partner that sends document text, with the reason and a legal basis', async () => {
    const error = await failure(
      clientFor('partner-health', 'document').request(HealthFacilitiesDocument, { unitCode: '148' }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, reason: 'TRUSTED_DOCUMENTS_ONLY' });
    expect(error.legalBasis).not.toBe('');
  });

  it('answers RATE_LIMITED (429, Retry-After) once a partner has spent its burst', async () => {
    const police = clientFor('partner-police', 'document');
    const first = await police.request(PoliceIncidentsDocument, { unitCode: '148', period });
    expect(first.incidents).toBeDefined();
    const error = await failure(police.request(PoliceIncidentsDocument, { unitCode: '148', period }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });
});
