export {
  createEnvironmentSimulator,
  type EnvironmentSimulatorOptions,
} from './createEnvironmentSimulator.js';
export { buildStations, type EnvStation } from './data/stations.js';
export { hoaBinhReservoir } from './data/reservoir.js';
export { formatVnTime } from './data/noise.js';
