// The shared upstream-adapter conformance suite, run against the real egov simulator with the subgraph's own reads:
// once for field reports (GET by id + GET batch by ids) and once for dossiers.
import { createEgovSimulator } from '@lgsp/simulator-egov';
import { alignByKey } from '@lgsp/subgraph-kit';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import {
  createEgovClient,
  getCitizenReport,
  getCitizenReports,
  getDossier,
  getDossiers,
  type CitizenReport,
  type Dossier,
} from '../src/index.js';

const reportIds = ['PA-2026-000120', 'PA-2025-000045'];
const dossierIds = ['H25.04795-260105-0001', 'H25.04792-251201-0001'];

describeUpstreamAdapterConformance<ReturnType<typeof createEgovClient>, string, CitizenReport>({
  system: 'egov (field reports)',
  startSimulator: () => createEgovSimulator({ port: 0 }),
  createClient: (options) => createEgovClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, id, context) => getCitizenReport(client, id, context),
  fetchMany: async (client, ids, context) =>
    alignByKey(ids, await getCitizenReports(client, ids, context), (report) => report.id),
  existingKeys: reportIds,
  missingKey: 'PA-2020-999999',
  keyOf: (report) => report.id,
  faultRoute: '/api/v1/phananh',
});

describeUpstreamAdapterConformance<ReturnType<typeof createEgovClient>, string, Dossier>({
  system: 'egov (dossiers)',
  startSimulator: () => createEgovSimulator({ port: 0 }),
  createClient: (options) => createEgovClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, id, context) => getDossier(client, id, context),
  fetchMany: async (client, ids, context) =>
    alignByKey(ids, await getDossiers(client, ids, context), (dossier) => dossier.id),
  existingKeys: dossierIds,
  missingKey: 'H25.04795-200101-9999',
  keyOf: (dossier) => dossier.id,
  faultRoute: '/api/v1/hoso',
});
