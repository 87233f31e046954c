import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPostgresSource, verifySource, type OperationRecord } from '@lgsp/audit';
import { startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';
import { dropSchema, pgUrl, startPgProxy, uniqueSchema, until, withClient } from './pgHarness.js';

const schema = uniqueSchema('audit_gw');
const openQuery = '{ administrativeUnit(code: "148") { name } }';
const personalQuery = `{ incidents(unitCode: "148", period: { from: "2025-06-01", to: "2025-07-01" }, pageSize: 1) {
  items { id involvedPersons { cccd } } } }`;

let hub: ProvinceHub | undefined;
let proxy: Awaited<ReturnType<typeof startPgProxy>>;
let spoolDir: string;
/** Request ids of every GraphQL request sent to the gateway, in order. */
const sent: string[] = [];

async function ask(query: string, client = 'partner-police') {
  const response = await hub!.query(query, {}, { authorization: `Bearer ${await hub!.token(client)}` });
  sent.push(response.headers.get('x-request-id')!);
  return response;
}

const storedRequestIds = () =>
  withClient(async (client) => {
    // The writer creates the table when it first reaches the database (records wait in the spool until then).
    const exists = await client.query(`SELECT to_regclass($1) AS t`, [`"${schema}".records`]);
    if (exists.rows[0].t === null) return [];
    const rows = await client.query<{ record: string }>(
      `SELECT record FROM "${schema}".records ORDER BY seq`,
    );
    return rows.rows.map((row) => (JSON.parse(row.record) as OperationRecord).requestId);
  });

beforeAll(async () => {
  proxy = await startPgProxy();
  spoolDir = await mkdtemp(path.join(tmpdir(), 'lgsp-gw-audit-spool-'));
  hub = await startProvinceHub({
    // The real bin: the trail opens at start and is flushed and closed by the SIGTERM drain.
    gateway: 'process',
    gatewayConfig: {
      audit: {
        sink: 'postgres',
        postgres: { connectionString: proxy.url, schema, queryTimeoutMs: 2000, connectTimeoutMs: 1000 },
        // Small, so that an outage fills it within a few dozen requests.
        spool: { dir: spoolDir, maxBytes: 64 * 1024, segmentBytes: 16 * 1024, fsync: false },
        key: { value: 'b2'.repeat(32) },
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await proxy?.close();
  await dropSchema(schema);
  await rm(spoolDir, { recursive: true, force: true });
});

describe('the gateway audit trail (PostgreSQL sink, real bin)', () => {
  it('stores one record per request in PostgreSQL, readable through the auditors’ endpoint', async () => {
    await ask(openQuery);
    await ask(personalQuery);
    await until(async () => (await storedRequestIds()).length >= 2, 30_000);
    expect(await storedRequestIds()).toEqual(sent);
    const response = await fetch(`${hub!.gatewayUrl}/audit/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub!.token('auditor')}`,
      },
      body: JSON.stringify({
        query: '{ auditRecords(filter: { coordinate: "InvolvedPerson.cccd" }) { requestId outcome } }',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { auditRecords: { requestId: string; outcome: string }[] };
    };
    expect(body.data.auditRecords).toEqual([{ requestId: sent[1], outcome: 'MASKED' }]);
    // The auditor's own query is a record too (it has a request id of its own).
    sent.push(response.headers.get('x-request-id')!);
    await until(async () => (await storedRequestIds()).length === sent.length, 30_000);
  }, 60_000);

  it('refuses personal-data reads with AUDIT_UNAVAILABLE while the spool is full, keeps open data flowing, and loses nothing', async () => {
    proxy.down();
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    for (let i = 0; i < 400 && refused === undefined; i++) {
      const open = await ask(openQuery);
      expect(open.status).toBe(200);
      if (i % 10 === 9) {
        const personal = await ask(personalQuery);
        if (personal.status === 503) refused = personal;
        else expect(personal.status).toBe(200);
      }
    }
    expect(refused?.body).toEqual({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }),
        }),
      ],
    });
    expect((await ask(openQuery)).status).toBe(200);
    proxy.up();
    await until(async () => (await ask(personalQuery)).status === 200, 60_000);
    await until(async () => (await storedRequestIds()).length === sent.length, 60_000);
    expect(await storedRequestIds()).toEqual(sent);
  }, 180_000);

  it('writes the last records at SIGTERM and leaves a chain that verifies', async () => {
    for (let i = 0; i < 20; i++) await ask(i % 2 === 0 ? openQuery : personalQuery);
    await hub!.close();
    hub = undefined;
    expect(await storedRequestIds()).toEqual(sent);
    const source = createPostgresSource({ connectionString: pgUrl, schema });
    try {
      expect(await verifySource(source)).toMatchObject({ ok: true, records: sent.length });
    } finally {
      await source.close();
    }
  }, 60_000);
});
