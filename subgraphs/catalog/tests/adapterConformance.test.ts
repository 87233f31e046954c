import { createCatalogSimulator } from '@lgsp/simulator-catalog';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import type { UpstreamClient } from '@lgsp/subgraph-kit';
import {
  createCatalogClient,
  getAgencies,
  getAgency,
  getUnit,
  getUnits,
  type Agency,
  type Unit,
} from '../src/index.js';

describeUpstreamAdapterConformance<UpstreamClient, string, Unit>({
  system: 'catalog (units)',
  startSimulator: () => createCatalogSimulator({ port: 0 }),
  createClient: (options) => createCatalogClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, code, ctx) => getUnit(client, code, undefined, ctx),
  fetchMany: (client, codes, ctx) => getUnits(client, codes, undefined, ctx),
  existingKeys: ['04795', '148'],
  missingKey: '99999',
  keyOf: (unit) => unit.code,
  faultRoute: '/api/v1/units',
});

describeUpstreamAdapterConformance<UpstreamClient, string, Agency>({
  system: 'catalog (agencies)',
  startSimulator: () => createCatalogSimulator({ port: 0 }),
  createClient: (options) => createCatalogClient({ ...options, baseUrl: `${options.baseUrl}/api/v1` }),
  fetchOne: (client, code, ctx) => getAgency(client, code, ctx),
  fetchMany: (client, codes, ctx) => getAgencies(client, codes, ctx),
  existingKeys: ['SYT-17', 'UBND-25-04795'],
  missingKey: 'XX-17',
  keyOf: (agency) => agency.code,
  faultRoute: '/api/v1/agencies',
});
