// The shared upstream-adapter conformance suite, run against the real health simulator: once for the facility
// registry (GET, path key) and once for the immunisation registry (POST search keyed by CCCD, retried as a read).
import { createHealthDataset, createHealthSimulator } from '@lgsp/simulator-health';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import type { UpstreamClient } from '@lgsp/subgraph-kit';
import { createHealthClient } from '../src/upstream/client.js';
import { getFacilities, getFacility } from '../src/upstream/facilities.js';
import { getVaccinationRecords } from '../src/upstream/vaccinationRecords.js';
import type { HealthFacility, VaccinationRecord } from '../src/model.js';

const citizens = createHealthDataset().citizens;

describeUpstreamAdapterConformance<UpstreamClient, string, HealthFacility>({
  system: 'health (facility registry)',
  startSimulator: () => createHealthSimulator({ port: 0 }),
  createClient: (options) => createHealthClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, id, { requestId }) => getFacility(client, id, { requestId }),
  fetchMany: (client, ids, { requestId }) => getFacilities(client, ids, { requestId }),
  existingKeys: ['17001', '17101'],
  missingKey: '17999',
  keyOf: (facility) => facility.id,
});

describeUpstreamAdapterConformance<UpstreamClient, string, VaccinationRecord>({
  system: 'health (immunisation registry)',
  startSimulator: () => createHealthSimulator({ port: 0 }),
  createClient: (options) => createHealthClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: async (client, cccd, { requestId }) =>
    (await getVaccinationRecords(client, [cccd], { requestId }))[0]!,
  fetchMany: (client, cccds, { requestId }) => getVaccinationRecords(client, cccds, { requestId }),
  existingKeys: [citizens[0]!.cccd, citizens[1]!.cccd],
  missingKey: '017000000000',
  keyOf: (record) => record.cccd,
  faultRoute: 'POST /api/v1/immunization/records/search',
});
