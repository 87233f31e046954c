import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEventInput } from '../src/auditRecord.js';
import { createKeyedHasher } from '../src/keyedHasher.js';

export const testKey = Buffer.alloc(32, 7);
export const testHasher = createKeyedHasher(testKey);

export async function tempDir(prefix = 'lgsp-audit-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A personal-data read by the police partner: a CCCD lookup that returns one citizen. */
let lookups = 0;
export function citizenLookup(cccd: string, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  lookups += 1;
  return {
    requestId: `req-lookup-${lookups}`,
    client: 'partner-police',
    subject: 'service-account-partner-police',
    agency: 'CA-HB',
    purpose: 'LAW_ENFORCEMENT',
    caseId: 'HS-2026-0042',
    operationName: 'VaccinationsByCccd',
    operationType: 'query',
    document:
      'query VaccinationsByCccd($cccd:String!){citizenVaccinations(cccd:$cccd){cccd fullName doses{date}}}',
    variables: { cccd },
    personalVariables: ['cccd'],
    coordinates: ['Query.citizenVaccinations', 'CitizenVaccination.doses', 'Dose.date'],
    personalCoordinates: ['CitizenVaccination.cccd', 'CitizenVaccination.fullName'],
    personalEntityKeys: [{ kind: 'CCCD', value: cccd }],
    outcome: 'allowed',
    durationMs: 12.3456,
    subgraphs: ['health'],
    response: JSON.stringify({ data: { citizenVaccinations: { cccd, fullName: 'Nguyễn Văn A' } } }),
    ...overrides,
  };
}

/** An open-data read by the IOC dashboard. */
export function openDataRead(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    requestId: 'req-aqi',
    client: 'ioc-dashboard',
    subject: 'service-account-ioc-dashboard',
    agency: 'IOC-HB',
    operationName: 'AirQuality',
    operationType: 'query',
    document: 'query AirQuality{stations{code aqi}}',
    variables: {},
    coordinates: ['Query.stations', 'Station.code', 'Station.aqi'],
    outcome: 'allowed',
    durationMs: 3,
    subgraphs: ['environment'],
    response: '{"data":{"stations":[]}}',
    ...overrides,
  };
}
