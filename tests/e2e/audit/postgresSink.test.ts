import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAuditTrail,
  createKeyedHasher,
  createPostgresSink,
  createPostgresSource,
  createSpool,
  sha256Hex,
  verifySource,
  type AuditRecord,
  type AuditTrail,
  type OperationRecord,
} from '@lgsp/audit';
import { dropSchema, pgUrl, uniqueSchema, withClient } from './pgHarness.js';

const hasher = createKeyedHasher(Buffer.alloc(32, 3));
const schema = uniqueSchema();
let spoolDir: string;
let trail: AuditTrail;
const ids: Record<string, string> = {};

const police = {
  client: 'partner-police',
  subject: 'sa-police',
  agency: 'CA-HB',
  purpose: 'LAW_ENFORCEMENT',
  caseId: 'HS-1',
};

beforeAll(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), 'lgsp-audit-e2e-'));
  trail = createAuditTrail({
    sink: createPostgresSink({ connectionString: pgUrl, schema }),
    spool: createSpool({ dir: spoolDir }),
    hasher,
  });
  await trail.start();
  ids.allowed = trail.append({
    ...police,
    requestId: 'r-allowed',
    operationName: 'Vaccinations',
    operationType: 'query',
    document: 'query Vaccinations($cccd:String!){citizenVaccinations(cccd:$cccd){cccd fullName}}',
    variables: { cccd: '017090001234' },
    personalVariables: ['cccd'],
    coordinates: ['Query.citizenVaccinations'],
    personalCoordinates: ['CitizenVaccination.cccd', 'CitizenVaccination.fullName'],
    personalEntityKeys: [{ kind: 'CCCD', value: '017090001234' }],
    outcome: 'allowed',
    durationMs: 21.5,
    subgraphs: ['health'],
    response: '{"data":{"citizenVaccinations":{"cccd":"017090001234","fullName":"Nguyễn Văn A"}}}',
  });
  ids.masked = trail.append({
    client: 'ioc-dashboard',
    subject: 'sa-ioc',
    agency: 'IOC-HB',
    requestId: 'r-masked',
    operationName: 'Reports',
    operationType: 'query',
    documentHash: 'a'.repeat(64),
    coordinates: ['Query.urbanReports', 'UrbanReport.status'],
    personalCoordinates: ['UrbanReport.reporterPhone'],
    maskedCoordinates: ['UrbanReport.reporterPhone'],
    outcome: 'masked',
    durationMs: 8,
    subgraphs: ['egov'],
    response: '{"data":{"urbanReports":[{"reporterPhone":"0912***678"}]}}',
  });
  ids.refused = trail.append({
    client: 'partner-health',
    subject: 'sa-health',
    agency: 'SYT-HB',
    requestId: 'r-refused',
    operationName: 'Cccd',
    operationType: 'query',
    document: '{citizen{cccd}}',
    coordinates: ['Query.citizen'],
    personalCoordinates: ['Citizen.cccd'],
    outcome: 'refused',
    errorCodes: ['FORBIDDEN'],
    refusals: [
      {
        code: 'FORBIDDEN',
        coordinate: 'Citizen.cccd',
        reason: 'scope pii:read required',
        legalBasis: 'Luật 91/2025/QH15',
      },
    ],
    durationMs: 1,
    response: '{"errors":[{"extensions":{"code":"FORBIDDEN"}}]}',
  });
  ids.failed = trail.append({
    ...police,
    requestId: 'r-failed',
    operationName: 'Incidents',
    operationType: 'query',
    document: '{incidents{id}}',
    coordinates: ['Query.incidents', 'Incident.id'],
    outcome: 'failed',
    errorCodes: ['UPSTREAM_TIMEOUT'],
    durationMs: 10_000,
    subgraphs: ['police'],
    response: '{"errors":[{"extensions":{"code":"UPSTREAM_TIMEOUT","subgraph":"police"}}]}',
  });
  await trail.flush(30_000);
});

afterAll(async () => {
  await trail?.close();
  await rm(spoolDir, { recursive: true, force: true });
  await dropSchema(schema);
});

async function rows(): Promise<
  Array<{ seq: string; client: string; outcome: string; keyed_hashes: string[]; record: string }>
> {
  return withClient(async (c) => (await c.query(`SELECT * FROM "${schema}".records ORDER BY seq`)).rows);
}

const source = () => createPostgresSource({ connectionString: pgUrl, schema });

describe('PostgreSQL audit sink', () => {
  it('migrates its own schema and stores one chained row per operation, in append order', async () => {
    const stored = await rows();
    expect(stored.map((r) => [Number(r.seq), (JSON.parse(r.record) as AuditRecord).id])).toEqual([
      [1, ids.allowed],
      [2, ids.masked],
      [3, ids.refused],
      [4, ids.failed],
    ]);
    const migrations = await withClient((c) => c.query(`SELECT version FROM "${schema}".schema_migrations`));
    expect(migrations.rows).toEqual([{ version: 1 }]);
    const s = source();
    expect(await verifySource(s)).toMatchObject({ ok: true, records: 4, head: { seq: 4 } });
    await s.close();
  });

  it('records allowed, masked, refused and failed operations completely, with no personal data in clear', async () => {
    const stored = (await rows()).map((r) => JSON.parse(r.record) as OperationRecord);
    const [allowed, masked, refused, failed] = stored;
    const cccdHash = hasher.hash('017090001234');
    expect(allowed).toMatchObject({
      kind: 'operation',
      requestId: 'r-allowed',
      client: 'partner-police',
      subject: 'sa-police',
      agency: 'CA-HB',
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'HS-1',
      operationName: 'Vaccinations',
      documentHash: sha256Hex(
        'query Vaccinations($cccd:String!){citizenVaccinations(cccd:$cccd){cccd fullName}}',
      ),
      variables: { cccd: `hmac:${cccdHash}` },
      personalCoordinates: ['CitizenVaccination.cccd', 'CitizenVaccination.fullName'],
      entityKeys: [{ kind: 'CCCD', key: cccdHash }],
      outcome: 'allowed',
      subgraphs: ['health'],
      keyId: hasher.keyId,
      prevHash: '0'.repeat(64),
    });
    expect(masked).toMatchObject({
      outcome: 'masked',
      maskedCoordinates: ['UrbanReport.reporterPhone'],
      entityKeys: [],
    });
    expect(refused).toMatchObject({
      outcome: 'refused',
      errorCodes: ['FORBIDDEN'],
      refusals: [
        {
          code: 'FORBIDDEN',
          coordinate: 'Citizen.cccd',
          reason: 'scope pii:read required',
          legalBasis: 'Luật 91/2025/QH15',
        },
      ],
      subgraphs: [],
    });
    expect(failed).toMatchObject({ outcome: 'failed', errorCodes: ['UPSTREAM_TIMEOUT'], durationMs: 10_000 });
    const everything = JSON.stringify(await rows());
    expect(everything).not.toContain('017090001234');
    expect(everything).not.toContain('Nguyễn');
  });

  it('answers auditors by citizen keyed hash, client, purpose, coordinate and outcome', async () => {
    const s = source();
    const seqs = async (q: Parameters<typeof s.query>[0]) => (await s.query(q)).map((r) => r.seq);
    expect(await seqs({ keyedHash: hasher.hash('017090001234') })).toEqual([1]);
    expect(await seqs({ client: 'partner-police' })).toEqual([1, 4]);
    expect(await seqs({ purpose: 'LAW_ENFORCEMENT', outcome: 'failed' })).toEqual([4]);
    expect(await seqs({ coordinate: 'Citizen.cccd' })).toEqual([3]);
    expect(await seqs({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    await s.close();
  });

  it('stores a record whose fields hold a NUL character (PostgreSQL text cannot) and keeps verifying', async () => {
    const id = trail.append({
      client: 'odd\u0000client',
      operationName: 'x',
      outcome: 'failed',
      variables: { q: 'a\u0000b' },
    });
    await trail.flush(30_000);
    const s = source();
    const [stored] = await s.query({ client: 'odd\uFFFDclient' });
    expect(stored).toMatchObject({ id, client: 'odd\u0000client', variables: { q: 'a\u0000b' } });
    expect(await verifySource(s)).toMatchObject({ ok: true, records: 5 });
    await s.close();
    ids.nul = id;
  });

  it('does not store a record twice when the same batch is delivered again', async () => {
    const sink = createPostgresSink({ connectionString: pgUrl, schema });
    await sink.open();
    const again = (await rows()).map((r) => {
      const { seq: _s, prevHash: _p, hash: _h, ...body } = JSON.parse(r.record) as AuditRecord;
      return body;
    });
    await sink.write(again);
    await sink.close();
    expect(await rows()).toHaveLength(5);
  });
});

describe('tamper detection in the table', () => {
  // Each case edits a copy of the records in a scratch schema, so the cases stay independent.
  async function tampered(sql: string): Promise<Awaited<ReturnType<typeof verifySource>>> {
    const scratch = uniqueSchema('audit_e2e_tamper');
    await withClient(async (c) => {
      await c.query(`CREATE SCHEMA "${scratch}"`);
      await c.query(`CREATE TABLE "${scratch}".records (LIKE "${schema}".records INCLUDING ALL)`);
      await c.query(`INSERT INTO "${scratch}".records SELECT * FROM "${schema}".records`);
      await c.query(sql.replaceAll('$schema', `"${scratch}"`));
    });
    const s = createPostgresSource({ connectionString: pgUrl, schema: scratch });
    try {
      return await verifySource(s);
    } finally {
      await s.close();
      await dropSchema(scratch);
    }
  }

  it('detects an edited record at its seq', async () => {
    const result = await tampered(
      `UPDATE $schema.records SET record = replace(record, '"purpose":"LAW_ENFORCEMENT"', '"purpose":"PUBLIC_HEALTH"') WHERE seq = 4`,
    );
    expect(result.break).toMatchObject({ seq: 4, reason: expect.stringContaining('edited') });
  });

  it('detects a row whose indexed columns were edited to mislead queries', async () => {
    const result = await tampered(`UPDATE $schema.records SET client = 'someone-else' WHERE seq = 2`);
    expect(result.break).toMatchObject({ seq: 2, reason: expect.stringContaining('client') });
  });

  it('detects a deleted record at the missing seq', async () => {
    const result = await tampered(`DELETE FROM $schema.records WHERE seq = 2`);
    expect(result.break).toMatchObject({ seq: 2, reason: expect.stringContaining('missing') });
  });

  it('detects reordered records at the first seq out of place', async () => {
    // Rows 2 and 3 trade places (their seq column swapped; the primary key forbids doing it in one step).
    const result = await tampered(`
      UPDATE $schema.records SET seq = CASE seq WHEN 2 THEN -3 ELSE -2 END WHERE seq IN (2, 3);
      UPDATE $schema.records SET seq = -seq WHERE seq < 0`);
    expect(result.break?.seq).toBe(2);
  });
});
