import { json, notFound, paginate, route, type Route } from '@lgsp/simulator-kit';
import { foldText } from '../data/foldText.js';
import { isValidOn, type CategoryUnit } from '../data/units.js';
import { badRequest, readDate, readList, todayInVietnam } from './queryParams.js';

export interface UnitRouteOptions {
  units: readonly CategoryUnit[];
  now: () => number;
}

const PAGING = { defaultPageSize: 50, maxPageSize: 500 };
const LEVELS = new Set(['1', '2', '3']);

function byCode(a: CategoryUnit, b: CategoryUnit): number {
  return a.unitCode.localeCompare(b.unitCode) || (a.effectiveDate ?? '').localeCompare(b.effectiveDate ?? '');
}

/** The unit routes of the category service, under `/api/v1`. */
export function createUnitRoutes({ units, now }: UnitRouteOptions): Route[] {
  const versions = new Map<string, CategoryUnit[]>();
  for (const unit of [...units].sort(byCode)) {
    versions.set(unit.unitCode, [...(versions.get(unit.unitCode) ?? []), unit]);
  }
  /** With a date: the version in force that day. Without: the newest version, even when it has expired. */
  const versionOf = (code: string, asOf: string | undefined): CategoryUnit | undefined => {
    const candidates = versions.get(code) ?? [];
    return asOf === undefined ? candidates.at(-1) : candidates.find((unit) => isValidOn(unit, asOf));
  };
  const searchIndex = units.map((unit) => ({ unit, folded: foldText(unit.unitName) }));

  return [
    route('GET', '/api/v1/units:batchGet', ({ query }) => {
      const asOf = readDate(query, 'asOf');
      if (asOf === null) return badRequest('asOf must be YYYY-MM-DD');
      const codes = readList(query, 'codes');
      if (codes.length === 0 || codes.length > 500) return badRequest('codes: 1 to 500 unit codes');
      return json({ units: codes.flatMap((code) => versionOf(code, asOf) ?? []) });
    }),
    route('GET', '/api/v1/units:search', ({ query }) => {
      const text = foldText(query.get('q') ?? '');
      if (text.length === 0) return badRequest('q is required');
      const today = todayInVietnam(now());
      const hits = searchIndex
        .filter(({ unit, folded }) => folded.includes(text) || unit.unitCode.startsWith(text))
        .map(({ unit }) => unit)
        // Current units first, then by name: what a clerk typing a name expects.
        .sort(
          (a, b) =>
            Number(!isValidOn(a, today)) - Number(!isValidOn(b, today)) ||
            a.unitName.localeCompare(b.unitName, 'vi') ||
            byCode(a, b),
        );
      return json(paginate(hits, query, PAGING));
    }),
    route('GET', '/api/v1/units', ({ query }) => {
      const asOf = readDate(query, 'asOf');
      if (asOf === null) return badRequest('asOf must be YYYY-MM-DD');
      const level = query.get('levelCode');
      if (level !== null && !LEVELS.has(level)) return badRequest('levelCode must be 1, 2 or 3');
      const parents = new Set(readList(query, 'parentCode'));
      const province = query.get('provinceCode');
      const date = asOf ?? todayInVietnam(now());
      const items = units
        .filter(
          (unit) =>
            isValidOn(unit, date) &&
            (level === null || String(unit.levelCode) === level) &&
            (parents.size === 0 || (unit.parentCode !== null && parents.has(unit.parentCode))) &&
            (province === null || unit.provinceCode === province),
        )
        .sort(byCode);
      return json(paginate(items, query, PAGING));
    }),
    route('GET', '/api/v1/units/:unitCode', ({ params, query }) => {
      const asOf = readDate(query, 'asOf');
      if (asOf === null) return badRequest('asOf must be YYYY-MM-DD');
      const unit = versionOf(params.unitCode!, asOf);
      return unit ? json(unit) : notFound('unit not found');
    }),
  ];
}
