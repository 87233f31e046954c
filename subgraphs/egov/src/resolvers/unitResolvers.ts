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
      const row = await ctx.loaders.dossierCountsByUnit.load({ code: unit.code, period: period(args) });
      return row ? toDossierStats(row) : null;
    },
    serviceIndex: async (unit: UnitRef, args: { period?: Period | null }, ctx: EgovContext) => {
      const row = await ctx.loaders.serviceIndexInputsByUnit.load({
        code: unit.code,
        period: period(args),
      });
      return row ? toServiceIndex(row) : null;
    },
    citizenReportStats: async (unit: UnitRef, args: { period?: Period | null }, ctx: EgovContext) => {
      const row = await ctx.loaders.citizenReportCountsByUnit.load({
        code: unit.code,
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

/** Codes the catalog hands out (`UBND-25-04795`); anything else cannot be an agency of the one-stop system. */
const AGENCY_CODE = /^[A-Za-z0-9.-]{1,40}$/;

/** `Agency` (owned by catalog) extended with the dossiers it handled. */
export function createAgencyResolvers({ now }: ResolverDependencies) {
  return {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
    dossierStats: async (agency: { code: string }, args: { period?: Period | null }, ctx: EgovContext) => {
      if (!AGENCY_CODE.test(agency.code)) return null;
      const period = args.period ? checkPeriod(args.period) : defaultPeriod(now());
      const row = await ctx.loaders.dossierCountsByAgency.load({ code: agency.code, period });
      return row ? toDossierStats(row) : null;
    },
  };
}
