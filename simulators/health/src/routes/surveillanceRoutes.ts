import { json, route, type Route, type SimReply } from '@lgsp/simulator-kit';
import type { CaseRow } from '../data/caseStats.js';
import type { HealthDataset } from '../data/createHealthDataset.js';
import { diseases } from '../data/diseases.js';
import { mondayOfIsoWeek } from '../data/isoWeek.js';
import { badRequest, listParam, MAX_BATCH_KEYS, pageOf } from './envelope.js';

/** Rows of a stats call can be many (units × weeks × diseases), so a page may hold up to this many. */
const MAX_STATS_PER_PAGE = 10_000;

/** The weeks a query selects: `lastWeeks=N`, or `fromWeek`/`toWeek` (either open), or all; or a 400 reply. */
function selectWeeks(weeks: readonly string[], query: URLSearchParams): Set<string> | SimReply {
  const last = query.get('lastWeeks');
  if (last !== null) {
    const count = Number(last);
    if (!Number.isInteger(count) || count < 1) return badRequest('lastWeeks must be a positive integer');
    return new Set(weeks.slice(-count));
  }
  const from = query.get('fromWeek');
  const to = query.get('toWeek');
  for (const week of [from, to]) {
    if (week !== null && !mondayOfIsoWeek(week))
      return badRequest('fromWeek and toWeek must be ISO weeks like 2025-W27');
  }
  // ISO week strings sort chronologically.
  return new Set(weeks.filter((week) => (from === null || week >= from) && (to === null || week <= to)));
}

/**
 * Notifiable-disease surveillance: `GET /api/v1/surveillance/diseases` (the catalogue, ICD-10 codes) and
 * `GET /api/v1/surveillance/weekly-cases?unitCodes=…&diseaseCode=&lastWeeks=|fromWeek=&toWeek=` (rows in the
 * order of `unitCodes`, then disease, then week).
 */
export function surveillanceRoutes(dataset: HealthDataset): Route[] {
  const catalogue = diseases.map(({ diseaseCode, diseaseName, group }) => ({
    diseaseCode,
    diseaseName,
    group,
  }));
  return [
    route('GET', '/api/v1/surveillance/diseases', ({ query }) => json(pageOf(catalogue, query))),
    route('GET', '/api/v1/surveillance/weekly-cases', ({ query }) => {
      const unitCodes = listParam(query, 'unitCodes');
      if (!unitCodes || unitCodes.length > MAX_BATCH_KEYS)
        return badRequest(`unitCodes: 1 to ${MAX_BATCH_KEYS} codes`);
      const diseaseCode = query.get('diseaseCode');
      if (diseaseCode !== null && !diseases.some((disease) => disease.diseaseCode === diseaseCode)) {
        return badRequest('unknown diseaseCode');
      }
      const weeks = selectWeeks(dataset.caseStats.weeks, query);
      if (!(weeks instanceof Set)) return weeks;
      const codes = diseaseCode ? [diseaseCode] : diseases.map((disease) => disease.diseaseCode);
      const rows: CaseRow[] = unitCodes.flatMap((unitCode) =>
        codes.flatMap((code) =>
          dataset.caseStats.rowsOf(unitCode, code).filter((row) => weeks.has(row.isoWeek)),
        ),
      );
      return json(pageOf(rows, query, MAX_STATS_PER_PAGE));
    }),
  ];
}
