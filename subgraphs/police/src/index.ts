export {
  createPoliceSubgraph,
  policeSchemaPath,
  type PoliceSubgraph,
  type PoliceSubgraphOptions,
} from './createPoliceSubgraph.js';
export { loadPoliceConfig, policeConfigSchema, type PoliceConfig } from './config.js';
export { createPoliceClient, type PoliceClientOptions } from './upstream/client.js';
export { fetchCamera, fetchCameras } from './upstream/cameras.js';
export { fetchIncident, fetchIncidents } from './upstream/incidents.js';
