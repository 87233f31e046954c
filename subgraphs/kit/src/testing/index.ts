export {
  describeUpstreamAdapterConformance,
  type UpstreamAdapterConformanceOptions,
  type ConformanceClientOptions,
  type FetchContext,
} from './adapterConformance.js';
export {
  createSimulatorAdmin,
  type SimulatorAdmin,
  type SimulatorFault,
  type SimulatorStatsSnapshot,
} from './simulatorAdmin.js';
