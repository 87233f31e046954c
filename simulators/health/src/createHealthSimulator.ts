import { createSimulatorServer, type FaultSpec, type SimulatorServer } from '@lgsp/simulator-kit';
import type { Logger } from 'pino';
import { createHealthDataset, type HealthDataset } from './data/createHealthDataset.js';
import { bedReportRoutes } from './routes/bedReportRoutes.js';
import { facilityRoutes } from './routes/facilityRoutes.js';
import { immunizationRoutes } from './routes/immunizationRoutes.js';
import { surveillanceRoutes } from './routes/surveillanceRoutes.js';

export interface HealthSimulatorOptions {
  /** Default 0 (any free port); `main.ts` uses 4304. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of the synthetic data. Default 17. */
  seed?: number;
  /** The last day of data (`YYYY-MM-DD`). Default `2025-12-28` (end of ISO week 2025-W52). */
  asOf?: string;
  /** Faults active from the start (see the simulator kit). Default none. */
  faults?: FaultSpec[];
  /** Default: the kit's logger at level `warn`. */
  log?: Logger;
}

export interface HealthSimulator extends SimulatorServer {
  /** The data served, for tests that need a known key (a facility code, a synthetic CCCD). */
  dataset: HealthDataset;
}

/**
 * Starts the stand-in for the Department of Health's systems (Sở Y tế): the facility registry with daily bed
 * reports, notifiable-disease surveillance, and the immunisation registry, all REST/JSON under `/api/v1`.
 */
export async function createHealthSimulator(options: HealthSimulatorOptions = {}): Promise<HealthSimulator> {
  const dataset = createHealthDataset({ seed: options.seed, asOf: options.asOf });
  const server = await createSimulatorServer({
    name: 'health',
    port: options.port,
    host: options.host,
    faults: options.faults,
    log: options.log,
    routes: [
      ...facilityRoutes(dataset),
      ...bedReportRoutes(dataset),
      ...surveillanceRoutes(dataset),
      ...immunizationRoutes(dataset),
    ],
  });
  return { ...server, dataset };
}
