import { createSimulatorServer, type FaultSpec, type SimulatorServer } from '@lgsp/simulator-kit';
import { buildStations } from './data/stations.js';
import { createReadingRoutes } from './routes/readingRoutes.js';
import { createReservoirRoutes } from './routes/reservoirRoutes.js';
import { createStationRoutes } from './routes/stationRoutes.js';

export interface EnvironmentSimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of the readings, episodes and reservoir series. Default 17. */
  seed?: number;
  /** Faults active from the start. Default none. */
  faults?: FaultSpec[];
  /** The clock: readings exist for the hours up to now. Default `Date.now`. */
  now?: () => number;
  /** Hours of history kept. Default 672 (4 weeks). */
  historyHours?: number;
}

/**
 * The provincial environmental monitoring system (Sở Tài nguyên và Môi trường): automatic air and surface-water
 * stations with hourly readings, and the Hòa Bình reservoir, as REST/JSON under `/api/v1` with cursor paging and
 * `+07:00` timestamps.
 */
export function createEnvironmentSimulator(
  options: EnvironmentSimulatorOptions = {},
): Promise<SimulatorServer> {
  const seed = options.seed ?? 17;
  const now = options.now ?? Date.now;
  const historyHours = options.historyHours ?? 672;
  const stations = buildStations();
  return createSimulatorServer({
    name: 'environment',
    port: options.port,
    host: options.host,
    faults: options.faults,
    routes: [
      ...createStationRoutes(stations),
      ...createReadingRoutes({ stations, seed, now, historyHours }),
      ...createReservoirRoutes({ seed, now, historyHours }),
    ],
  });
}
