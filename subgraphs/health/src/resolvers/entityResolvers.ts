import type {
  BedOccupancySummary,
  DiseaseCaseStats,
  HealthFacility,
  HealthFacilityType,
  VaccinationCoverage,
  VaccinationDose,
} from '../model.js';
import type { HealthContext } from './context.js';
import { MAX_WEEKS, optionalDate, requireRange } from './validation.js';

const unitRef = (code: string) => ({ code });

/** `HealthFacility`: an entity other subgraphs may reference by `id`. */
export const healthFacilityResolvers = {
  __resolveReference: ({ id }: { id: string }, ctx: HealthContext) => ctx.loaders.facilityById.load(id),
  unit: (facility: HealthFacility) => unitRef(facility.unitCode),
  currentUnit: (facility: HealthFacility) => unitRef(facility.currentUnitCode),
  district: (facility: HealthFacility) => unitRef(facility.districtCode),
  location: (facility: HealthFacility) => ({ latitude: facility.latitude, longitude: facility.longitude }),
  occupancy: (facility: HealthFacility, args: { date?: string | null }, ctx: HealthContext) =>
    ctx.loaders.occupancyByFacility.load({
      id: facility.id,
      args: { date: optionalDate('date', args.date) },
    }),
};

/**
 * `AdministrativeUnit` (owned by catalog): the key is all this subgraph needs, so the reference resolver calls
 * nothing; every field below goes through a per-request loader, one upstream call per resource for all units.
 */
export const administrativeUnitResolvers = {
  __resolveReference: ({ code }: { code: string }) => ({ code }),
  healthFacilities: async (
    unit: { code: string },
    args: { type?: HealthFacilityType | null },
    ctx: HealthContext,
  ) => {
    const facilities = (await ctx.loaders.facilitiesByUnit.load(unit.code)) ?? [];
    return args.type ? facilities.filter((facility) => facility.type === args.type) : facilities;
  },
  bedOccupancy: (unit: { code: string }, args: { date?: string | null }, ctx: HealthContext) =>
    ctx.loaders.bedSummaryByUnit.load({ id: unit.code, args: { date: optionalDate('date', args.date) } }),
  diseaseCases: async (
    unit: { code: string },
    args: { disease: DiseaseCaseStats['disease']; weeks: number },
    ctx: HealthContext,
  ) => {
    const weeks = requireRange('weeks', args.weeks, 1, MAX_WEEKS);
    return (
      (await ctx.loaders.caseStatsByUnit.load({ id: unit.code, args: { disease: args.disease, weeks } })) ??
      []
    );
  },
  vaccinationCoverage: async (unit: { code: string }, args: { year?: number | null }, ctx: HealthContext) => {
    const year =
      args.year === null || args.year === undefined ? undefined : requireRange('year', args.year, 2000, 2100);
    return (await ctx.loaders.coverageByUnit.load({ id: unit.code, args: { year } })) ?? [];
  },
};

/** Types that point at a unit by code. */
const withUnit = { unit: (row: { unitCode: string }) => unitRef(row.unitCode) };

export const valueTypeResolvers = {
  BedOccupancySummary: withUnit as Record<string, (row: BedOccupancySummary) => unknown>,
  DiseaseCaseStats: withUnit as Record<string, (row: DiseaseCaseStats) => unknown>,
  VaccinationCoverage: withUnit as Record<string, (row: VaccinationCoverage) => unknown>,
  VaccinationDose: {
    facility: (dose: VaccinationDose, _: unknown, ctx: HealthContext) =>
      ctx.loaders.facilityById.load(dose.facilityId),
  },
};
