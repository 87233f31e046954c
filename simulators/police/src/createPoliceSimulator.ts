import {
  createSimulatorServer,
  type FaultSpec,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '@lgsp/simulator-kit';
import { createPoliceData } from './data/policeData.js';
import { policeServiceRoute, policeWsdlRoute } from './routes/policeService.js';

export interface PoliceSimulatorOptions {
  /** Default 0 (any free port); `main.ts` uses 4303. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of every generated record; the same seed gives the same data. Default 17 (Hòa Bình's code). */
  seed?: number;
  /** Faults active from the start (see the simulator kit). Default none. */
  faults?: readonly FaultSpec[];
  /**
   * The clock of live data (camera heartbeats, camera events, alerts): events exist up to `now()` only. Incidents and
   * accidents do not depend on it. Default: the real clock.
   */
  now?: () => Date;
  /** Default: the kit's pino logger at level `warn`. */
  log?: SimulatorServerOptions['log'];
}

export interface PoliceSimulator extends SimulatorServer {
  /** Well-formed SOAP calls per operation since start or the last `resetStats()`. */
  operationCounts(): Record<string, number>;
}

/** Starts the simulated police system: one SOAP 1.1 endpoint, `POST /soap/PoliceService`. */
export async function createPoliceSimulator(options: PoliceSimulatorOptions = {}): Promise<PoliceSimulator> {
  const counts = new Map<string, number>();
  const server = await createSimulatorServer({
    name: 'police',
    port: options.port,
    host: options.host,
    faults: options.faults,
    log: options.log,
    routes: [
      policeServiceRoute({
        data: createPoliceData(options.seed ?? 17),
        now: options.now ?? (() => new Date()),
        onOperation: (operation) => counts.set(operation, (counts.get(operation) ?? 0) + 1),
      }),
      policeWsdlRoute(),
    ],
  });
  return {
    ...server,
    resetStats: () => {
      server.resetStats();
      counts.clear();
    },
    operationCounts: () => Object.fromEntries(counts),
  };
}
