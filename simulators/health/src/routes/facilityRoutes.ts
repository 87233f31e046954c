import { json, route, type Route } from '@lgsp/simulator-kit';
import type { HealthDataset } from '../data/createHealthDataset.js';
import { unitCodesOf } from '../data/facilities.js';
import { badRequest, listParam, MAX_BATCH_KEYS, missing, pageOf } from './envelope.js';

/**
 * The facility registry: `GET /api/v1/facilities` (filters `codes`, `unitCodes`, `category`, paged up to 500 a
 * page) and `GET /api/v1/facilities/:facilityCode`.
 */
export function facilityRoutes(dataset: HealthDataset): Route[] {
  const byCode = new Map(dataset.facilities.map((facility) => [facility.facilityCode, facility]));
  return [
    route('GET', '/api/v1/facilities', ({ query }) => {
      const codes = listParam(query, 'codes');
      const unitCodes = listParam(query, 'unitCodes');
      const category = query.get('category');
      if ((codes?.length ?? 0) > MAX_BATCH_KEYS || (unitCodes?.length ?? 0) > MAX_BATCH_KEYS) {
        return badRequest(`at most ${MAX_BATCH_KEYS} codes per call`);
      }
      let selected = codes ? codes.flatMap((code) => byCode.get(code) ?? []) : dataset.facilities;
      if (unitCodes) {
        const wanted = new Set(unitCodes);
        selected = selected.filter((facility) => unitCodesOf(facility).some((code) => wanted.has(code)));
      }
      if (category) selected = selected.filter((facility) => facility.category === category);
      return json(pageOf(selected, query, 500));
    }),
    route('GET', '/api/v1/facilities/:facilityCode', ({ params }) => {
      const facility = byCode.get(params.facilityCode ?? '');
      return facility ? json({ data: facility }) : missing('facility');
    }),
  ];
}
