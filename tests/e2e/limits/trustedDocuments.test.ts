import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const known = 'query Dashboard { dashboard { openDossiers } }';
const added = 'query Air { airQuality }';
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('trusted documents', () => {
  let hub: LimitsHub;
  let manifest: string;
  beforeAll(async () => {
    hub = await startLimitsHub({
      files: { 'manifest.json': JSON.stringify({ [sha256(known)]: known }) },
      limits: (workDir) => ({ trustedDocuments: { manifests: [join(workDir, 'manifest.json')] } }),
    });
    manifest = join(hub.workDir, 'manifest.json');
  });
  afterAll(() => hub.close());

  it('runs a manifest document by its hash for a trusted-only client', async () => {
    const answer = await hub.post('partner-trusted', {
      operationName: 'Dashboard',
      ...byHash(sha256(known)),
    });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ dashboard: { openDossiers: 412 } });
  });

  it('refuses document text from a trusted-only client with 403 and the reason, before any subgraph call', async () => {
    const before = hub.subgraphRequests();
    const answer = await hub.query('partner-trusted', known);
    expect(answer.status).toBe(403);
    expect(answer.json.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TRUSTED_DOCUMENTS_ONLY',
    });
    expect(answer.json.errors![0]!.extensions!['legalBasis']).toEqual(expect.any(String));
    expect(hub.subgraphRequests()).toBe(before);
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND, for every client', async () => {
    for (const client of ['partner-trusted', 'ioc-dashboard']) {
      const answer = await hub.post(client, byHash(sha256('{ airQuality }')));
      expect(answer.status).toBe(400);
      expect(answer.json.errors![0]!.extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    }
  });

  it('lets a client allowed any operation send text or hashes', async () => {
    expect((await hub.query('ioc-dashboard', '{ airQuality }')).status).toBe(200);
    expect((await hub.post('ioc-dashboard', byHash(sha256(known)))).status).toBe(200);
  });

  it('picks up a changed manifest without restart, and keeps the previous one when the new one is broken', async () => {
    await writeFile(manifest, JSON.stringify({ [sha256(known)]: known, [sha256(added)]: added }));
    await until(async () => (await hub.post('partner-trusted', byHash(sha256(added)))).status === 200);
    // A manifest whose text does not hash to its key is rejected as a whole.
    await writeFile(manifest, JSON.stringify({ [sha256(known)]: `${known} ` }));
    await hub.limits.trustedDocuments!.reload();
    expect((await hub.post('partner-trusted', byHash(sha256(added)))).status).toBe(200);
  });
});
