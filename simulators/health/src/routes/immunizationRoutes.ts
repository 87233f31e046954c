import { json, route, type Route } from '@lgsp/simulator-kit';
import type { HealthDataset } from '../data/createHealthDataset.js';
import { vaccines } from '../data/vaccines.js';
import { badRequest, listParam, MAX_BATCH_KEYS, pageOf } from './envelope.js';

/** Lookups by personal identification number accept this many numbers per call. */
const MAX_CCCDS_PER_SEARCH = 100;

function cccdsOf(body: string): string[] | undefined {
  try {
    const parsed = JSON.parse(body) as { cccds?: unknown };
    const list = parsed.cccds;
    return Array.isArray(list) && list.every((item) => typeof item === 'string')
      ? (list as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The immunisation registry: `GET /api/v1/immunization/vaccines`, `GET /api/v1/immunization/coverage?unitCodes=…
 * &year=` (no year → each unit's latest), and `POST /api/v1/immunization/records/search` with `{ "cccds": […] }`.
 * Records are searched by POST so that personal identification numbers never appear in URLs or access logs.
 */
export function immunizationRoutes(dataset: HealthDataset): Route[] {
  const byCccd = new Map(dataset.citizens.map((citizen) => [citizen.cccd, citizen]));
  return [
    route('GET', '/api/v1/immunization/vaccines', ({ query }) => json(pageOf(vaccines, query))),
    route('GET', '/api/v1/immunization/coverage', ({ query }) => {
      const unitCodes = listParam(query, 'unitCodes');
      if (!unitCodes || unitCodes.length > MAX_BATCH_KEYS)
        return badRequest(`unitCodes: 1 to ${MAX_BATCH_KEYS} codes`);
      const rawYear = query.get('year');
      const year = rawYear === null || rawYear === '' ? undefined : Number(rawYear);
      if (year !== undefined && !Number.isInteger(year)) return badRequest('year must be an integer');
      const rows = unitCodes.flatMap((unitCode) => dataset.coverage.rowsOf(unitCode, year));
      return json(pageOf(rows, query, 10_000));
    }),
    route('POST', '/api/v1/immunization/records/search', ({ body }) => {
      const cccds = cccdsOf(body);
      if (!cccds || cccds.length === 0 || cccds.length > MAX_CCCDS_PER_SEARCH) {
        return badRequest(`body must be { "cccds": [1 to ${MAX_CCCDS_PER_SEARCH} strings] }`);
      }
      const found = [...new Set(cccds)].flatMap((cccd) => byCccd.get(cccd) ?? []);
      return json({ data: found, meta: { page: 1, perPage: MAX_CCCDS_PER_SEARCH, total: found.length } });
    }),
  ];
}
