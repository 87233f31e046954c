import type { CitizenReportStatus, Period } from '../model.js';
import { checkFirst, checkPeriod, defaultPeriod } from './arguments.js';
import { toCitizenReportStats, toDossierStats, toServiceIndex } from './shapes.js';
import type { EgovContext, ResolverDependencies } from './types.js';

export interface UnitRef {
  code: string;
}

/**
 * `AdministrativeUnit` (owned by catalog) extended with egov's per-unit fields. The reference needs only the code:
 * nothing is fetched until a field asks, and each field goes through a per-request loader, so `_entities` for all
 * communes costs one upstream call per resource.
 */
export function createUnitResolvers({ now }: ResolverDependencies) {
  const period = (args: { period?: Period | null }) =>
    args.period ? checkPeriod(args.period) : defaultPeriod(now());
  return {
    __resolveReference: (reference: UnitRef): UnitRef => ({ code: reference.code }),
    dossierStats: async (unit: UnitRef, args: { period?: Period | null }, ctx: EgovContext) => {
      const row = await ctx.loaders.dossierCountsByUnit.load({ unitCode: unit.code, period: period(args) });
      return row ? toDossierStats(row) : null;
    },
    serviceIndex: async (unit: UnitRef, args: { period?: Period | null }, ctx: EgovContext) => {
      const row = await ctx.loaders.serviceIndexInputsByUnit.load({
        unitCode: unit.code,
        period: period(args),
      });
      return row ? toServiceIndex(row) : null;
    },
    citizenReportStats: async (unit: UnitRef, args: { period?: Period | null }, ctx: EgovContext) => {
      const row = await ctx.loaders.citizenReportCountsByUnit.load({
        unitCode: unit.code,
        period: period(args),
      });
      return row ? toCitizenReportStats(row) : null;
    },
    citizenReports: (
      unit: UnitRef,
      args: { status?: CitizenReportStatus | null; first: number },
      ctx: EgovContext,
    ) =>
      ctx.loaders.citizenReportsByUnit.load({
        unitCode: unit.code,
        status: args.status ?? null,
        first: checkFirst(args.first, 50),
      }),
  };
}
