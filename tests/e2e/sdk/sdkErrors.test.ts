import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type LgspError } from '@lgsp/sdk';
import { DistrictDashboardDocument, PoliceIncidentsDocument } from '@lgsp/sdk/operations';
import { HealthDiseaseCasesDocument } from '@lgsp/sdk/contracts/partner-health';
import { startSdkHub, type SdkHub } from './sdkHub.js';

let sdk: SdkHub;
beforeAll(async () => {
  sdk = await startSdkHub();
}, 120_000);
afterEach(() => sdk?.hub.clearFaults());
afterAll(() => sdk?.close());

const SCOPES: Record<string, string[]> = {
  'partner-health': ['catalog:read', 'health:read'],
  'partner-police': ['catalog:read', 'police:read', 'pii:read'],
  'ioc-dashboard': ['catalog:read', 'egov:read', 'police:read', 'health:read', 'environment:read'],
};

const clientFor = (clientId: string, extra: { purpose?: string; caseId?: string } = {}) =>
  createClient({
    endpoint: sdk.hub.graphqlUrl,
    issuer: sdk.issuer.issuer,
    clientId,
    clientSecret: sdk.secretOf(clientId),
    scopes: SCOPES[clientId]!,
    documentMode: 'document',
    ...extra,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error as LgspError,
  );

const period = { from: '2025-01-01', to: '2025-06-30' };

describe('the gateway’s refusals reach the caller as typed errors', () => {
  it('FORBIDDEN with the reason, the legal basis and the coordinate when Sở Y tế asks for police data', async () => {
    const error = await failure(
      clientFor('partner-health').request(PoliceIncidentsDocument, { unitCode: '148', period }),
    );
    if (error.code !== 'FORBIDDEN')
      throw new Error(`expected FORBIDDEN, got ${error.code}: ${error.message}`);
    expect(error.status).toBe(403);
    expect(error.coordinate).toBe('Query.incidents');
    expect(error.reason).toBe('requires scope police:read');
    expect(error.legalBasis).toMatch(/^Nghị định 194\/2025\/NĐ-CP, Điều 16/);
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('FORBIDDEN when a partner declares a purpose it was not granted', async () => {
    const client = clientFor('partner-health', { purpose: 'LAW_ENFORCEMENT' });
    const error = await failure(
      client.request(HealthDiseaseCasesDocument, {
        unitCode: '148',
        fromWeek: '2025-W20',
        toWeek: '2025-W21',
      }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(error.code === 'FORBIDDEN' && error.reason).toMatch(/LAW_ENFORCEMENT/);
  });

  it('UNAUTHENTICATED with the failed check after one retry with a fresh token', async () => {
    let asked = 0;
    const client = createClient({
      endpoint: sdk.hub.graphqlUrl,
      documentMode: 'document',
      getToken: async () => {
        asked += 1;
        return 'not-a-jwt';
      },
    });
    const error = await failure(client.request(HealthDiseaseCasesDocument, { unitCode: '148' }));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(error.code === 'UNAUTHENTICATED' && error.reason).toEqual(expect.stringMatching(/^TOKEN_/));
    expect(asked).toBe(2);
  });

  it('keeps the other systems’ data and names the failed subgraph when one provincial system is down', async () => {
    await sdk.hub.simulators.health.addFault({ status: 503 });
    const outcome = await clientFor('ioc-dashboard').execute(DistrictDashboardDocument, {
      code: '148',
      period,
    });
    expect(outcome.data?.administrativeUnit?.name).toBe('Thành phố Hòa Bình');
    expect(outcome.data?.administrativeUnit?.bedOccupancy).toBeNull();
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        code: 'UPSTREAM_ERROR',
        subgraph: 'health',
        path: ['administrativeUnit', 'bedOccupancy'],
      }),
    ]);
  });

  it('masks personal data without a purpose and shows it with an allowed one', async () => {
    const masked = await clientFor('partner-police').request(PoliceIncidentsDocument, {
      unitCode: '148',
      period,
      pageSize: 50,
    });
    const withPurpose = await clientFor('partner-police', {
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'VV-2026-118',
    }).request(PoliceIncidentsDocument, { unitCode: '148', period, pageSize: 50 });
    const cccds = (data: typeof masked) =>
      (data.incidents?.items ?? [])
        .flatMap((incident) => incident.involvedPersons.map((p) => p.cccd))
        .filter(Boolean);
    expect(cccds(withPurpose).length).toBeGreaterThan(0);
    expect(cccds(withPurpose).every((cccd) => /^\d{12}$/.test(cccd!))).toBe(true);
    expect(cccds(masked)).toHaveLength(cccds(withPurpose).length);
    expect(cccds(masked).every((cccd) => /^\d{3}\*{6}\d{3}$/.test(cccd!))).toBe(true);
  });
});
