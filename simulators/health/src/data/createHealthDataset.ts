import { createRng } from '@lgsp/simulator-kit';
import { createCaseStats, type CaseStats } from './caseStats.js';
import { createCitizens, type CitizenRecord } from './citizens.js';
import { createCoverage, type Coverage } from './coverage.js';
import { createFacilities, type Facility } from './facilities.js';
import { createCommunePlaces, type CommunePlace } from './geography.js';

export interface HealthDatasetOptions {
  /** Default 17. The same seed always gives the same data. */
  seed?: number;
  /** The day the data runs up to (`YYYY-MM-DD`). Default `2025-12-28`, a Sunday ending ISO week 2025-W52. */
  asOf?: string;
}

/** Everything the Department of Health's simulated systems serve. */
export interface HealthDataset {
  seed: number;
  asOf: Date;
  places: readonly CommunePlace[];
  facilities: readonly Facility[];
  caseStats: CaseStats;
  coverage: Coverage;
  citizens: readonly CitizenRecord[];
}

export const DEFAULT_AS_OF = '2025-12-28';

/** Generates the whole dataset; each resource draws from its own fork, so adding one never shifts another. */
export function createHealthDataset(options: HealthDatasetOptions = {}): HealthDataset {
  const seed = options.seed ?? 17;
  const asOf = new Date(`${options.asOf ?? DEFAULT_AS_OF}T00:00:00Z`);
  if (Number.isNaN(asOf.getTime())) throw new Error('asOf must be a date YYYY-MM-DD');
  const rng = createRng(seed);
  const places = createCommunePlaces(rng.fork('places'));
  const facilities = createFacilities(rng.fork('facilities'), places);
  return {
    seed,
    asOf,
    places,
    facilities,
    caseStats: createCaseStats(rng.fork('cases'), places, asOf),
    coverage: createCoverage(rng.fork('coverage'), places, asOf),
    citizens: createCitizens(rng.fork('citizens'), places, facilities, asOf),
  };
}
