export {
  createHealthSubgraph,
  type HealthSubgraph,
  type HealthSubgraphOptions,
} from './createHealthSubgraph.js';
export {
  healthConfigSchema,
  loadHealthConfig,
  type HealthConfig,
  type HealthConfigInput,
  type LoadHealthConfigOptions,
} from './config.js';
export { createHealthClient, type HealthClientOptions } from './upstream/client.js';
export { getFacility, getFacilities, getFacilitiesByUnits, listFacilities } from './upstream/facilities.js';
export { getVaccinationRecords } from './upstream/vaccinationRecords.js';
export type * from './model.js';
