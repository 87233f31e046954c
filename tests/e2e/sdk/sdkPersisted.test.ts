import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, hashOf, type LgspError, type OperationDocument } from '@lgsp/sdk';
import {
  CitizenReportBoardDocument,
  DiseasePanelDocument,
  DistrictDashboardDocument,
  LiveAlertsDocument,
  MapLayersDocument,
  ReservoirPanelDocument,
} from '@lgsp/sdk/operations';
import { repositoryRoot } from '@lgsp/schema';
import { pino } from 'pino';
import {
  createTrustedDocumentStore,
  type TrustedDocumentStore,
} from '../../../gateway/src/limits/trustedDocumentStore.js';
import { useTrustedDocuments } from '../../../gateway/src/plugins/useTrustedDocuments.js';
import { startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';

/** The catalogue's manifest, as codegen writes it and the gateway loads it (`limits.trustedDocuments.manifests`). */
const manifestPath = path.join(repositoryRoot, 'sdk', 'src', 'generated', 'persisted-documents.json');
const readManifest = () => JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;

let hub: ProvinceHub;
let store: TrustedDocumentStore;
beforeAll(async () => {
  // The gateway's own trusted-documents plugin over the SDK's manifest (its store verifies every sha256). Auth is
  // off because the harness hands plugins to a gateway without auth; sdkTokens/sdkErrors cover auth.
  store = await createTrustedDocumentStore([manifestPath], { watch: false, log: pino({ level: 'silent' }) });
  hub = await startProvinceHub({ auth: 'off', gatewayPlugins: [useTrustedDocuments({ store })] });
}, 120_000);
afterAll(async () => {
  await hub?.close();
  store?.close();
});

/** Records the JSON bodies the SDK posts. */
function recordingFetch() {
  const bodies: Record<string, unknown>[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return fetch(input, init);
  };
  return { fetch: fetchFn, bodies };
}

const period = { from: '2025-01-01', to: '2025-06-30' };

describe('the SDK sends the catalogue as trusted documents, by hash', () => {
  it('has every catalogue operation loaded by the gateway', () => {
    expect(store.size()).toBe(Object.keys(readManifest()).length);
  });

  it('runs every IOC operation by its hash alone, and each hash is in the manifest', async () => {
    const recorder = recordingFetch();
    const client = createClient({
      endpoint: hub.graphqlUrl,
      documentMode: 'persisted',
      fetch: recorder.fetch,
    });
    const dashboard = await client.request(DistrictDashboardDocument, { code: '148', period });
    expect(dashboard.administrativeUnit?.name).toBe('Thành phố Hòa Bình');
    expect(dashboard.administrativeUnit?.dossierStats?.received).toBeGreaterThan(0);
    const map = await client.request(MapLayersDocument, { unitCode: '148' });
    expect(map.monitoringStations.nodes.length).toBeGreaterThan(0);
    const reservoir = await client.request(ReservoirPanelDocument, {
      from: '2026-11-24T12:00:00+07:00',
      to: '2026-11-25T12:00:00+07:00',
    });
    expect(reservoir.reservoir?.name).toMatch(/Hòa Bình/);
    const disease = await client.request(DiseasePanelDocument, { code: '148', disease: 'DENGUE', weeks: 4 });
    expect(disease.notifiableDiseases.length).toBeGreaterThan(0);
    const reports = await client.request(CitizenReportBoardDocument, { first: 5 });
    expect(reports.citizenReports?.edges.length).toBe(5);
    const alerts = await client.request(LiveAlertsDocument, { since: '2026-11-24T12:00:00+07:00' });
    expect(Array.isArray(alerts.alerts)).toBe(true);

    const manifest = readManifest();
    expect(recorder.bodies).toHaveLength(6);
    for (const body of recorder.bodies) {
      expect(body['query']).toBeUndefined();
      const hash = (body['extensions'] as { persistedQuery: { version: number; sha256Hash: string } })
        .persistedQuery;
      expect(hash.version).toBe(1);
      expect(Object.hasOwn(manifest, hash.sha256Hash)).toBe(true);
    }
  });

  it('reports an unknown hash as PERSISTED_QUERY_NOT_FOUND in persisted mode', async () => {
    const unknown = Object.assign(new String('query Unknown { notifiableDiseases { disease } }'), {
      __meta__: { hash: 'f'.repeat(64) },
    }) as unknown as OperationDocument<unknown, Record<string, never>>;
    const client = createClient({ endpoint: hub.graphqlUrl, documentMode: 'persisted' });
    const error = (await client.request(unknown).catch((e: unknown) => e)) as LgspError;
    expect(error).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', status: 400 });
  });

  it('falls back to the full text once for a hash the gateway does not know, where allowed', async () => {
    const recorder = recordingFetch();
    const unknown = Object.assign(new String('query NotInTheManifest { notifiableDiseases { disease } }'), {
      __meta__: { hash: '0'.repeat(64) },
    }) as unknown as OperationDocument<{ notifiableDiseases: { disease: string }[] }, Record<string, never>>;
    expect(hashOf(unknown)).toBe('0'.repeat(64));
    const client = createClient({ endpoint: hub.graphqlUrl, fetch: recorder.fetch });
    const data = await client.request(unknown);
    expect(data.notifiableDiseases.length).toBeGreaterThan(0);
    expect(recorder.bodies.map((body) => typeof body['query'])).toEqual(['undefined', 'string']);
  });
});
