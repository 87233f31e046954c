import { createKeyedLoader, type UpstreamClient } from '@lgsp/subgraph-kit';
import type {
  BedOccupancy,
  BedOccupancySummary,
  Disease,
  DiseaseCaseStats,
  HealthFacility,
  VaccinationCoverage,
  VaccinationRecord,
} from '../model.js';
import { getBedReports, getBedSummaries } from './bedReports.js';
import { getCaseStats } from './caseStats.js';
import type { CallContext } from './client.js';
import { getCoverage } from './coverage.js';
import { getFacilities, getFacilitiesByUnits } from './facilities.js';
import { getVaccinationRecords, MAX_CCCDS_PER_SEARCH } from './vaccinationRecords.js';

/** A key made of an id and the arguments that select the upstream call (`date`, `disease`, `weeks`, `year`). */
interface ArgumentKey<A> {
  id: string;
  args: A;
}

/**
 * A loader whose keys carry field arguments: one batch call per distinct set of arguments, so 151 communes asked
 * for with the same arguments still cost one upstream call.
 */
function createArgumentLoader<A, V>(
  name: string,
  fetchGroup: (ids: string[], args: A) => Promise<ReadonlyArray<V | null>>,
) {
  const argsKey = (args: A): string => JSON.stringify(args);
  return createKeyedLoader<ArgumentKey<A>, V>(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const key of keys) {
        const group = groups.get(argsKey(key.args)) ?? { args: key.args, ids: [] };
        if (!group.ids.includes(key.id)) group.ids.push(key.id);
        groups.set(argsKey(key.args), group);
      }
      const results = new Map<string, V | null>();
      await Promise.all(
        [...groups].map(async ([group, { args, ids }]) => {
          const values = await fetchGroup(ids, args);
          ids.forEach((id, index) => results.set(`${group}|${id}`, values[index] ?? null));
        }),
      );
      return keys.map((key) => results.get(`${argsKey(key.args)}|${key.id}`) ?? null);
    },
    { name, cacheKeyFn: (key) => `${argsKey(key.args)}|${key.id}` },
  );
}

const listsInOrder = <V>(ids: readonly string[], groups: Map<string, V[]>): V[][] =>
  ids.map((id) => groups.get(id) ?? []);

/** The request's DataLoaders: one batched upstream call per resource and set of arguments. */
export function createHealthLoaders(client: UpstreamClient, context: CallContext) {
  return {
    facilityById: createKeyedLoader<string, HealthFacility>((ids) => getFacilities(client, ids, context), {
      name: 'facilityById',
    }),
    facilitiesByUnit: createKeyedLoader<string, HealthFacility[]>(
      async (codes) => listsInOrder(codes, await getFacilitiesByUnits(client, codes, context)),
      { name: 'facilitiesByUnit' },
    ),
    occupancyByFacility: createArgumentLoader<{ date?: string }, BedOccupancy>(
      'occupancyByFacility',
      (ids, args) => getBedReports(client, ids, args.date, context),
    ),
    bedSummaryByUnit: createArgumentLoader<{ date?: string }, BedOccupancySummary>(
      'bedSummaryByUnit',
      (ids, args) => getBedSummaries(client, ids, args.date, context),
    ),
    caseStatsByUnit: createArgumentLoader<{ disease: Disease; weeks: number }, DiseaseCaseStats[]>(
      'caseStatsByUnit',
      async (ids, args) =>
        listsInOrder(ids, await getCaseStats(client, ids, args.disease, args.weeks, context)),
    ),
    coverageByUnit: createArgumentLoader<{ year?: number }, VaccinationCoverage[]>(
      'coverageByUnit',
      async (ids, args) => listsInOrder(ids, await getCoverage(client, ids, args.year, context)),
    ),
    recordByCccd: createKeyedLoader<string, VaccinationRecord>(
      (cccds) => getVaccinationRecords(client, cccds, context),
      { name: 'recordByCccd', maxBatchSize: MAX_CCCDS_PER_SEARCH },
    ),
  };
}

export type HealthLoaders = ReturnType<typeof createHealthLoaders>;
