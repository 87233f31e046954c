import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createFileSource,
  createKeyedHasher,
  decodeKey,
  verifySource,
  type OperationRecord,
} from '@lgsp/audit';
import { startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';

const key = 'a1'.repeat(32);
const hasher = createKeyedHasher(decodeKey(key));
const june2025 = '{ from: "2025-06-01", to: "2025-07-01" }';
const incidentsQuery = `{ incidents(unitCode: "148", period: ${june2025}, pageSize: 2) {
  items { id involvedPersons { fullName cccd } } } }`;

interface Incidents {
  incidents: { items: { involvedPersons: { cccd: string }[] }[] };
}

let hub: ProvinceHub;
let dir: string;

const as = async (client: string, headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${await hub.token(client)}`,
  ...headers,
});

/** Every operation record written so far (the file sink writes within milliseconds; wait for `count`). */
async function records(count: number): Promise<OperationRecord[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await createFileSource(dir).query({ limit: 1000 })) as OperationRecord[];
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The record of one request, found by the request id the gateway echoed. */
async function recordOf(requestId: string | null): Promise<OperationRecord> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await records(0)).filter((r) => r.requestId === requestId);
    if (found.length > 0) return found[0]!;
    if (Date.now() > deadline) throw new Error(`no audit record for request ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function auditorQuery(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const response = await fetch(`${hub.gatewayUrl}/audit/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lgsp-gw-audit-'));
  hub = await startProvinceHub({
    gatewayConfig: { audit: { sink: 'file', file: { dir, fsync: false }, key: { value: key } } },
  });
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the gateway audit trail (file sink)', () => {
  it('records an allowed open-data read with the caller, coordinates and subgraphs called', async () => {
    const { status, headers } = await hub.query(
      'query Unit { administrativeUnit(code: "148") { name } }',
      {},
      await as('ioc-dashboard'),
    );
    expect(status).toBe(200);
    const record = await recordOf(headers.get('x-request-id'));
    expect(record).toMatchObject({
      kind: 'operation',
      client: 'ioc-dashboard',
      operationName: 'Unit',
      operationType: 'query',
      outcome: 'allowed',
      errorCodes: [],
      coordinates: ['Query.administrativeUnit', 'AdministrativeUnit.name'].sort(),
      subgraphs: ['catalog'],
    });
    expect(record.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.responseHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a masked read with the masked coordinates and the citizens concerned as keyed hashes', async () => {
    const clear = await hub.query(
      incidentsQuery,
      {},
      await as('partner-police', { 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV-2025-000449' }),
    );
    const cccds = (clear.body.data as unknown as Incidents).incidents.items.flatMap((item) =>
      item.involvedPersons.map((person) => person.cccd),
    );
    expect(cccds.length).toBeGreaterThan(0);
    const unmasked = await recordOf(clear.headers.get('x-request-id'));
    expect(unmasked).toMatchObject({
      client: 'partner-police',
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'VV-2025-000449',
      outcome: 'allowed',
      maskedCoordinates: [],
    });
    expect(unmasked.personalCoordinates).toEqual(
      expect.arrayContaining(['InvolvedPerson.cccd', 'InvolvedPerson.fullName']),
    );
    const keys = unmasked.entityKeys.map((entity) => entity.key);
    for (const cccd of cccds) expect(keys).toContain(hasher.hash(cccd));
    expect(JSON.stringify(unmasked)).not.toContain(cccds[0]!);

    const masked = await hub.query(incidentsQuery, {}, await as('partner-police'));
    const record = await recordOf(masked.headers.get('x-request-id'));
    expect(record.outcome).toBe('masked');
    expect(record.maskedCoordinates).toEqual(
      expect.arrayContaining(['InvolvedPerson.cccd', 'InvolvedPerson.fullName']),
    );
    expect(record.entityKeys.map((entity) => entity.key)).toContain(hasher.hash(cccds[0]!));
  });

  it('records an authorization refusal with its reason and legal basis', async () => {
    const { status, headers } = await hub.query(incidentsQuery, {}, await as('partner-health'));
    expect(status).toBe(403);
    const record = await recordOf(headers.get('x-request-id'));
    expect(record).toMatchObject({ client: 'partner-health', outcome: 'refused', errorCodes: ['FORBIDDEN'] });
    expect(record.refusals).toEqual([
      expect.objectContaining({
        code: 'FORBIDDEN',
        coordinate: 'Query.incidents',
        legalBasis: expect.stringMatching(/^Nghị định 194\/2025/),
      }),
    ]);
    expect(record.documentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records an authentication refusal (no token) and a failed (invalid) operation', async () => {
    const refused = await hub.query(
      '{ administrativeUnit(code: "148") { name } }',
      {},
      { authorization: '' },
    );
    expect(refused.status).toBe(401);
    expect(await recordOf(refused.headers.get('x-request-id'))).toMatchObject({
      client: null,
      outcome: 'refused',
      errorCodes: ['UNAUTHENTICATED'],
      refusals: [expect.objectContaining({ code: 'UNAUTHENTICATED' })],
    });
    const failed = await hub.query(
      '{ administrativeUnit(code: "148") { noSuchField } }',
      {},
      await as('ioc-dashboard'),
    );
    expect(failed.body.errors).toHaveLength(1);
    expect(await recordOf(failed.headers.get('x-request-id'))).toMatchObject({
      client: 'ioc-dashboard',
      outcome: 'failed',
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it('answers auditors with audit:read, by client and by citizen identifier, and records their queries', async () => {
    const clear = await hub.query(
      incidentsQuery,
      {},
      await as('partner-police', { 'x-purpose': 'LAW_ENFORCEMENT' }),
    );
    const cccd = (clear.body.data as unknown as Incidents).incidents.items[0]!.involvedPersons[0]!.cccd;
    await recordOf(clear.headers.get('x-request-id'));
    const query = `query Reads($f: AuditRecordFilter) {
      auditRecords(filter: $f) { seq client purpose outcome requestId entityKeys { kind key } }
      auditChain { ok records headSeq }
    }`;
    const byCitizen = await auditorQuery(query, { f: { citizenIdentifier: cccd } }, await as('auditor'));
    expect(byCitizen.status).toBe(200);
    const found = byCitizen.body.data!['auditRecords'] as { client: string; requestId: string }[];
    expect(found.map((r) => r.requestId)).toContain(clear.headers.get('x-request-id'));
    expect(found.every((r) => r.client === 'partner-police')).toBe(true);
    expect(byCitizen.body.data!['auditChain']).toMatchObject({ ok: true });

    const byClient = await auditorQuery(
      query,
      { f: { client: 'partner-health', outcome: 'REFUSED' } },
      await as('auditor'),
    );
    const refusals = byClient.body.data!['auditRecords'] as { client: string; outcome: string }[];
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((r) => r.client === 'partner-health' && r.outcome === 'REFUSED')).toBe(true);

    const own = await recordOf(byCitizen.requestId);
    expect(own).toMatchObject({
      client: 'auditor',
      outcome: 'allowed',
      coordinates: ['AuditQuery.auditChain', 'AuditQuery.auditRecords'],
    });
    expect(own.entityKeys).toEqual([{ kind: 'CCCD', key: hasher.hash(cccd) }]);
    expect(JSON.stringify(own)).not.toContain(cccd);
  });

  it('refuses the audit endpoint to a partner without audit:read, with reason and legal basis, and records it', async () => {
    const refused = await auditorQuery('{ auditChain { ok } }', {}, await as('ioc-dashboard'));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'FORBIDDEN',
            reason: 'reading the audit trail requires the audit:read scope',
            legalBasis: expect.stringMatching(/^Nghị định 194\/2025/),
          }),
        }),
      ],
    });
    expect(await recordOf(refused.requestId)).toMatchObject({ client: 'ioc-dashboard', outcome: 'refused' });
  });

  it('keeps one verifiable chain over every request', async () => {
    const all = await records(1);
    expect(all.length).toBeGreaterThanOrEqual(9);
    const verified = await verifySource(createFileSource(dir));
    expect(verified).toMatchObject({ ok: true, break: null });
    expect(verified.records).toBe(all.length);
  });
});
