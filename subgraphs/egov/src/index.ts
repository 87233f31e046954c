export { createEgovSubgraph, type EgovSubgraph, type EgovSubgraphOptions } from './createEgovSubgraph.js';
export { loadEgovConfig, egovConfigSchema, type EgovConfig } from './config.js';
export { createEgovClient, type EgovClientOptions } from './upstream/client.js';
export { getDossier, getDossiers, searchDossiers } from './upstream/dossiers.js';
export {
  getCitizenReport,
  getCitizenReports,
  getCitizenReportHistories,
  getCitizenReportsByUnit,
  searchCitizenReports,
} from './upstream/citizenReports.js';
export { getCitizenReportCounts, getDossierCounts, getServiceIndexInputs } from './upstream/statistics.js';
export { scoreServiceIndex } from './resolvers/serviceIndexScore.js';
export type * from './model.js';
