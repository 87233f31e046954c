import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';
import { startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';

// The police system failing, with the subgraphs' default resilience settings (retries 2, breaker threshold 5): the IOC
// sees the real failure on each commune's police fields, query after query, not the circuit breaker's fail-fast, and
// can tell which commune each error is about.

const districtQuery = readFileSync(
  path.join(repositoryRoot, 'docs', 'queries', 'districtCommunes.graphql'),
  'utf8',
);
const policeFields = ['incidentStats', 'accidentStats', 'cameraCount'];

let hub: ProvinceHub;
beforeAll(async () => {
  hub = await startProvinceHub({ defaultClient: 'ioc-dashboard' });
}, 120_000);
afterAll(() => hub?.close());

it('reports UPSTREAM_ERROR per commune and police field while the police system answers 503', async () => {
  await hub.simulators.police.addFault({ status: 503 });
  // One district query makes 3 parallel SOAP calls of 3 attempts each; two in a row stay under the threshold.
  for (let query = 0; query < 2; query += 1) {
    const { status, body } = await hub.query(districtQuery, {
      district: '148',
      period: { from: '2025-06-01', to: '2025-06-30' },
    });
    expect(status).toBe(200);
    const errors = body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((error) => JSON.stringify(error.extensions)))).toEqual(
      new Set([JSON.stringify({ code: 'UPSTREAM_ERROR', subgraph: 'police' })]),
    );
    for (const error of errors) {
      expect(error.path).toEqual(['district', 'communes', expect.any(Number), expect.any(String)]);
      expect(policeFields).toContain(error.path?.[3]);
    }
  }
}, 60_000);
