import { json, route, type Route, type SimReply } from '@lgsp/simulator-kit';
import { BED_REPORT_DAYS, bedReportOn, summarise } from '../data/bedReports.js';
import type { HealthDataset } from '../data/createHealthDataset.js';
import { unitCodesOf } from '../data/facilities.js';
import { addDays, parseIsoDate } from '../data/isoWeek.js';
import { badRequest, listParam, MAX_BATCH_KEYS, pageOf } from './envelope.js';

/** The report date asked for (default: the latest), or a 400 reply; `null` when outside the kept history. */
function reportDay(dataset: HealthDataset, query: URLSearchParams): Date | null | SimReply {
  const raw = query.get('date');
  if (raw === null || raw === '') return dataset.asOf;
  const day = parseIsoDate(raw);
  if (!day) return badRequest('date must be YYYY-MM-DD');
  return day > dataset.asOf || day < addDays(dataset.asOf, -BED_REPORT_DAYS + 1) ? null : day;
}

function isReply(value: unknown): value is SimReply {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

/**
 * Daily bed reports: `GET /api/v1/bed-reports?facilityCodes=…&date=` (one row per facility) and
 * `GET /api/v1/bed-reports/summary?unitCodes=…&date=` (one row per unit). No date → the latest day.
 */
export function bedReportRoutes(dataset: HealthDataset): Route[] {
  const byCode = new Map(dataset.facilities.map((facility) => [facility.facilityCode, facility]));
  return [
    route('GET', '/api/v1/bed-reports', ({ query }) => {
      const codes = listParam(query, 'facilityCodes');
      if (!codes || codes.length > MAX_BATCH_KEYS)
        return badRequest(`facilityCodes: 1 to ${MAX_BATCH_KEYS} codes`);
      const day = reportDay(dataset, query);
      if (isReply(day)) return day;
      const reports = day
        ? codes.flatMap((code) => {
            const facility = byCode.get(code);
            return facility ? [bedReportOn(dataset.seed, facility, day)] : [];
          })
        : [];
      return json(pageOf(reports, query, MAX_BATCH_KEYS));
    }),
    route('GET', '/api/v1/bed-reports/summary', ({ query }) => {
      const unitCodes = listParam(query, 'unitCodes');
      if (!unitCodes || unitCodes.length > MAX_BATCH_KEYS)
        return badRequest(`unitCodes: 1 to ${MAX_BATCH_KEYS} codes`);
      const day = reportDay(dataset, query);
      if (isReply(day)) return day;
      const summaries = day
        ? unitCodes.flatMap((unitCode) => {
            const inUnit = dataset.facilities.filter((facility) => unitCodesOf(facility).includes(unitCode));
            if (inUnit.length === 0) return [];
            const reports = inUnit.map((facility) => bedReportOn(dataset.seed, facility, day));
            return [summarise(unitCode, reports[0]!.reportDate, reports)];
          })
        : [];
      return json(pageOf(summaries, query, MAX_BATCH_KEYS));
    }),
  ];
}
