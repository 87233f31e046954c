import { createEnvironmentSimulator } from '@lgsp/simulator-environment';
import type { UpstreamClient } from '@lgsp/subgraph-kit';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import {
  createEnvironmentClient,
  getLatestReadings,
  getStation,
  getStations,
  type Reading,
  type Station,
} from '../src/index.js';

describeUpstreamAdapterConformance<UpstreamClient, string, Station>({
  system: 'environment (stations)',
  startSimulator: () => createEnvironmentSimulator({ port: 0 }),
  createClient: (options) => createEnvironmentClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, id, ctx) => getStation(client, id, ctx),
  fetchMany: (client, ids, ctx) => getStations(client, ids, ctx),
  existingKeys: ['HBH-KK-01', 'HBH-NM-08'],
  missingKey: 'HBH-KK-99',
  keyOf: (station) => station.id,
  faultRoute: '/api/v1/stations',
});

describeUpstreamAdapterConformance<UpstreamClient, string, Reading>({
  system: 'environment (latest readings)',
  startSimulator: () => createEnvironmentSimulator({ port: 0 }),
  createClient: (options) => createEnvironmentClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: async (client, id, ctx) => (await getLatestReadings(client, [id], ctx))[0] ?? null,
  fetchMany: (client, ids, ctx) => getLatestReadings(client, ids, ctx),
  existingKeys: ['HBH-KK-02', 'HBH-NM-01'],
  missingKey: 'HBH-KK-99',
  keyOf: (reading) => reading.stationId,
  faultRoute: '/api/v1/readings/latest',
});
