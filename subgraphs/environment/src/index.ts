export {
  createEnvironmentSubgraph,
  environmentSchemaPath,
  type EnvironmentSubgraph,
  type EnvironmentSubgraphOptions,
} from './createEnvironmentSubgraph.js';
export { environmentConfigSchema, loadEnvironmentConfig, type EnvironmentConfig } from './config.js';
export { createEnvironmentClient, type EnvironmentClientOptions } from './upstream/client.js';
export { getStation, getStations } from './upstream/stations.js';
export { getLatestReadings } from './upstream/readings.js';
export type { Station, Reading } from './upstream/mapping.js';
export { hourlyAqi, nowCast, subIndex, bandOf, hourlyBreakpoints, aqiBands } from './aqi/vnAqi.js';
export { airLimits, waterLimits, findExceedances } from './aqi/limits.js';
