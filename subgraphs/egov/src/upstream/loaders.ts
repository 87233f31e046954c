import { alignByKey, createKeyedLoader, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { CitizenReport, CitizenReportStatus, Period } from '../model.js';
import { getCitizenReportHistories, getCitizenReports, getCitizenReportsByUnit } from './citizenReports.js';
import { getDossiers } from './dossiers.js';
import type { CallContext } from './paging.js';
import {
  getCitizenReportCounts,
  getDossierCounts,
  getDossierCountsByAgency,
  getServiceIndexInputs,
} from './statistics.js';

/** A unit or agency code and a period: the key of every per-unit (or per-agency) statistic. */
export interface CodePeriodKey {
  code: string;
  period: Period;
}

/** A unit's newest reports, optionally with one status. */
export interface UnitReportsKey {
  unitCode: string;
  status: CitizenReportStatus | null;
  first: number;
}

function groupBy<K, G>(keys: readonly K[], groupOf: (key: K) => string, value: (key: K) => G) {
  const groups = new Map<string, { group: G; keys: K[] }>();
  for (const key of keys) {
    const id = groupOf(key);
    const entry = groups.get(id) ?? { group: value(key), keys: [] };
    entry.keys.push(key);
    groups.set(id, entry);
  }
  return [...groups.values()];
}

const periodId = (period: Period) => `${period.from}/${period.to}`;

/**
 * A loader of per-unit (or per-agency) statistics: the keys of one period (normally all of them) go to the upstream
 * in ONE call with every code, so a query over the 151 communes costs one call per resource.
 */
function codePeriodLoader<V>(
  name: string,
  fetch: (codes: string[], period: Period) => Promise<V[]>,
  codeOf: (row: V) => string | null,
) {
  return createKeyedLoader<CodePeriodKey, V>(
    async (keys) => {
      const groups = groupBy(
        keys,
        (key) => periodId(key.period),
        (key) => key.period,
      );
      const answers = await Promise.all(
        groups.map(async ({ group, keys: members }) => {
          const rows = await fetch([...new Set(members.map((key) => key.code))], group);
          return [periodId(group), new Map(rows.map((row) => [codeOf(row), row]))] as const;
        }),
      );
      const byPeriod = new Map(answers);
      return keys.map((key) => byPeriod.get(periodId(key.period))?.get(key.code) ?? null);
    },
    { name, cacheKeyFn: (key) => `${key.code}|${periodId(key.period)}` },
  );
}

/** This request's DataLoaders (created per request: nothing is cached across requests). */
export function createEgovLoaders(client: UpstreamClient, context: CallContext) {
  const citizenReportById = createKeyedLoader<string, CitizenReport>(
    async (ids) => alignByKey(ids, await getCitizenReports(client, ids, context), (report) => report.id),
    { name: 'citizenReportById', maxBatchSize: 100 },
  );
  return {
    dossierById: createKeyedLoader(
      async (ids: readonly string[]) =>
        alignByKey(ids, await getDossiers(client, ids, context), (dossier) => dossier.id),
      { name: 'dossierById', maxBatchSize: 100 },
    ),
    citizenReportById,
    citizenReportHistoryById: createKeyedLoader(
      async (ids: readonly string[]) => {
        const histories = await getCitizenReportHistories(client, ids, context);
        return ids.map((id) => histories.get(id) ?? null);
      },
      { name: 'citizenReportHistoryById', maxBatchSize: 1000 },
    ),
    citizenReportsByUnit: createKeyedLoader<UnitReportsKey, CitizenReport[]>(
      async (keys) => {
        const groups = groupBy(
          keys,
          (key) => `${key.status}|${key.first}`,
          (key) => key,
        );
        const answers = await Promise.all(
          groups.map(async ({ group, keys: members }) => {
            const codes = [...new Set(members.map((key) => key.unitCode))];
            const byUnit = await getCitizenReportsByUnit(client, codes, group, context);
            // The reports are complete records: later references to them in this request need no call.
            for (const reports of byUnit.values()) {
              for (const report of reports) citizenReportById.prime(report.id, report);
            }
            return [`${group.status}|${group.first}`, byUnit] as const;
          }),
        );
        const byGroup = new Map(answers);
        return keys.map((key) => byGroup.get(`${key.status}|${key.first}`)?.get(key.unitCode) ?? null);
      },
      { name: 'citizenReportsByUnit', cacheKeyFn: (key) => `${key.unitCode}|${key.status}|${key.first}` },
    ),
    dossierCountsByUnit: codePeriodLoader(
      'dossierCountsByUnit',
      (codes, period) => getDossierCounts(client, codes, period, context),
      (row) => row.unitCode,
    ),
    dossierCountsByAgency: codePeriodLoader(
      'dossierCountsByAgency',
      (codes, period) => getDossierCountsByAgency(client, codes, period, context),
      (row) => row.agencyCode,
    ),
    serviceIndexInputsByUnit: codePeriodLoader(
      'serviceIndexInputsByUnit',
      (codes, period) => getServiceIndexInputs(client, codes, period, context),
      (row) => row.unitCode,
    ),
    citizenReportCountsByUnit: codePeriodLoader(
      'citizenReportCountsByUnit',
      (codes, period) => getCitizenReportCounts(client, codes, period, context),
      (row) => row.unitCode,
    ),
  };
}

export type EgovLoaders = ReturnType<typeof createEgovLoaders>;
