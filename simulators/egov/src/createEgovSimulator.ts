import {
  createSimulatorServer,
  type FaultSpec,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '@lgsp/simulator-kit';
import { createEgovData, defaultNow, type EgovData } from './data/egovData.js';
import { dossierRoutes } from './routes/dossierRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { statisticsRoutes } from './routes/statisticsRoutes.js';

export interface EgovSimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of the synthetic data. Default 17. */
  seed?: number;
  /** The system's "now": data covers the 18 months before it. Default 2026-11-25 12:00 +07:00 (fixed, so tests are stable). */
  now?: Date;
  /** Faults active from the start. Default none. */
  faults?: FaultSpec[];
  /** Default: the kit's pino logger at level `warn`. */
  log?: SimulatorServerOptions['log'];
}

export interface EgovSimulator extends SimulatorServer {
  /** The generated data, for tests that compare what the subgraph shows with what the system holds. */
  data: EgovData;
}

// Generating ~40 000 records takes a moment; simulators started with the same seed and now share them (read-only).
const cache = new Map<string, EgovData>();

function dataFor(seed: number, now: Date): EgovData {
  const key = `${seed}|${now.getTime()}`;
  let data = cache.get(key);
  if (!data) {
    data = createEgovData(seed, now);
    cache.set(key, data);
  }
  return data;
}

/**
 * The stand-in for the province's one-stop-shop system (Một cửa điện tử) and its field-report system (phản ánh
 * hiện trường): REST/JSON with Vietnamese field names, dd/MM/yyyy dates, `trang`/`soBanGhi` paging, under `/api/v1`.
 */
export async function createEgovSimulator(options: EgovSimulatorOptions = {}): Promise<EgovSimulator> {
  const data = dataFor(options.seed ?? 17, options.now ?? defaultNow);
  const server = await createSimulatorServer({
    name: 'egov',
    port: options.port,
    host: options.host,
    faults: options.faults,
    log: options.log,
    routes: [...dossierRoutes(data), ...reportRoutes(data), ...statisticsRoutes(data)],
  });
  return Object.assign(server, { data });
}
