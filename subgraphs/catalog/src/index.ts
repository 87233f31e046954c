export {
  createCatalogSubgraph,
  catalogSchemaPath,
  type CatalogSubgraph,
  type CatalogSubgraphOptions,
} from './createCatalogSubgraph.js';
export { catalogConfigSchema, loadCatalogConfig, type CatalogConfig } from './config.js';
export { createCatalogClient, type CatalogClientOptions } from './upstream/client.js';
export { getUnit, getUnits } from './upstream/units.js';
export { getAgency, getAgencies } from './upstream/agencies.js';
export type { Unit, Agency } from './upstream/mapping.js';
