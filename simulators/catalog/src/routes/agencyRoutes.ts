import { json, notFound, paginate, route, type Route } from '@lgsp/simulator-kit';
import type { CategoryAgency } from '../data/agencies.js';
import { isValidOn } from '../data/units.js';
import { badRequest, readDate, readList } from './queryParams.js';

const PAGING = { defaultPageSize: 50, maxPageSize: 500 };
const TYPES = new Set<string>([
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'POLICE',
  'HOSPITAL',
  'HEALTH_CENTER',
  'PUBLIC_SERVICE_UNIT',
]);

/** The agency routes of the category service, under `/api/v1`. */
export function createAgencyRoutes(agencies: readonly CategoryAgency[]): Route[] {
  const sorted = [...agencies].sort((a, b) => a.agencyCode.localeCompare(b.agencyCode));
  const byCode = new Map(sorted.map((agency) => [agency.agencyCode, agency]));
  return [
    route('GET', '/api/v1/agencies:batchGet', ({ query }) => {
      const codes = readList(query, 'codes');
      if (codes.length === 0 || codes.length > 500) return badRequest('codes: 1 to 500 agency codes');
      return json({ agencies: codes.flatMap((code) => byCode.get(code) ?? []) });
    }),
    route('GET', '/api/v1/agencies', ({ query }) => {
      const asOf = readDate(query, 'asOf');
      if (asOf === null) return badRequest('asOf must be YYYY-MM-DD');
      const type = query.get('agencyType');
      if (type !== null && !TYPES.has(type)) return badRequest('unknown agencyType');
      const unitCodes = new Set(readList(query, 'unitCode'));
      const items = sorted.filter(
        (agency) =>
          (type === null || agency.agencyType === type) &&
          (unitCodes.size === 0 || unitCodes.has(agency.unitCode)) &&
          (asOf === undefined || isValidOn(agency, asOf)),
      );
      return json(paginate(items, query, PAGING));
    }),
    route('GET', '/api/v1/agencies/:agencyCode', ({ params }) => {
      const agency = byCode.get(params.agencyCode!);
      return agency ? json(agency) : notFound('agency not found');
    }),
  ];
}
