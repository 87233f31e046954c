import { createSimulatorServer, type FaultSpec, type SimulatorServer } from '@lgsp/simulator-kit';
import { buildCategoryAgencies } from './data/agencies.js';
import { buildCategoryUnits } from './data/units.js';
import { createAgencyRoutes } from './routes/agencyRoutes.js';
import { createUnitRoutes } from './routes/unitRoutes.js';

export interface CatalogSimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seed of the synthetic parts (agency switchboards). Default 17. */
  seed?: number;
  /** Faults active from the start. Default none. */
  faults?: FaultSpec[];
  /** The clock deciding which units are current (Vietnam date). Default `Date.now`. */
  now?: () => number;
}

/**
 * The province's shared-category service (Hệ thống danh mục dùng chung): administrative units with their versions
 * and lineage, and agencies, as REST/JSON under `/api/v1` with page/pageSize paging and batch reads by codes.
 */
export function createCatalogSimulator(options: CatalogSimulatorOptions = {}): Promise<SimulatorServer> {
  const now = options.now ?? Date.now;
  return createSimulatorServer({
    name: 'catalog',
    port: options.port,
    host: options.host,
    faults: options.faults,
    routes: [
      ...createUnitRoutes({ units: buildCategoryUnits(), now }),
      ...createAgencyRoutes(buildCategoryAgencies(options.seed ?? 17)),
    ],
  });
}
