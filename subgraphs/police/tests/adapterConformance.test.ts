// The shared upstream-adapter conformance suite against the real police simulator, for two of its keyed reads:
// cameras (GetCameras) and incident files (GetIncident). Faults hit the one SOAP endpoint.
import { createPoliceSimulator } from '@lgsp/simulator-police';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import type { UpstreamClient } from '@lgsp/subgraph-kit';
import {
  createPoliceClient,
  fetchCamera,
  fetchCameras,
  fetchIncident,
  fetchIncidents,
} from '../src/index.js';

describeUpstreamAdapterConformance<UpstreamClient, string, { id: string }>({
  system: 'police (cameras)',
  startSimulator: () => createPoliceSimulator({ port: 0 }),
  createClient: (options) => createPoliceClient(options),
  fetchOne: (client, id, context) => fetchCamera(client, id, context),
  fetchMany: (client, ids, context) => fetchCameras(client, ids, context),
  existingKeys: ['HBCAM-0001', 'HBCAM-0042'],
  missingKey: 'HBCAM-9999',
  keyOf: (camera) => camera.id,
  faultRoute: '/soap/PoliceService',
});

describeUpstreamAdapterConformance<UpstreamClient, string, { id: string }>({
  system: 'police (incidents)',
  startSimulator: () => createPoliceSimulator({ port: 0 }),
  createClient: (options) => createPoliceClient(options),
  fetchOne: (client, id, context) => fetchIncident(client, id, context),
  fetchMany: (client, ids, context) => fetchIncidents(client, ids, context),
  existingKeys: ['VV-2024-000001', 'VV-2025-000123'],
  missingKey: 'VV-2099-000001',
  keyOf: (incident) => incident.id,
  faultRoute: 'POST /soap/PoliceService',
});
