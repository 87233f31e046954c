import type { CitizenReportFilter, DossierFilter, Period } from '../model.js';
import { getCitizenReport, searchCitizenReports } from '../upstream/citizenReports.js';
import { getDossier, searchDossiers } from '../upstream/dossiers.js';
import { checkFirst, checkPeriod, checkUnitCodes, decodeCursor } from './arguments.js';
import { toConnection, toDossierStats, toServiceIndex } from './shapes.js';
import type { EgovContext, ResolverDependencies } from './types.js';

export interface ListArgs<F> {
  filter?: F | null;
  first: number;
  after?: string | null;
}

function checkFilter<F extends { unitCodes?: readonly string[] | null; period?: Period | null }>(
  filter: F | null | undefined,
): F {
  const checked = { ...(filter ?? {}) } as F;
  if (checked.unitCodes) checked.unitCodes = checkUnitCodes(checked.unitCodes, 'filter.unitCodes');
  if (checked.period) checked.period = checkPeriod(checked.period, 'filter.period');
  return checked;
}

function window(args: ListArgs<unknown>) {
  return { offset: decodeCursor(args.after), limit: checkFirst(args.first, 100) };
}

export function createQueryResolvers({ client }: ResolverDependencies) {
  return {
    dossierStats: async (_: unknown, args: { unitCodes: string[]; period: Period }, ctx: EgovContext) => {
      const period = checkPeriod(args.period);
      const codes = checkUnitCodes(args.unitCodes, 'unitCodes');
      const rows = await ctx.loaders.dossierCountsByUnit.loadMany(codes.map((code) => ({ code, period })));
      return rows.flatMap((row) => {
        if (row instanceof Error) throw row;
        return row ? [toDossierStats(row)] : [];
      });
    },
    dossiers: async (_: unknown, args: ListArgs<DossierFilter>, ctx: EgovContext) =>
      toConnection(await searchDossiers(client, checkFilter(args.filter), window(args), ctx)),
    dossier: (_: unknown, { id }: { id: string }, ctx: EgovContext) => getDossier(client, id, ctx),
    serviceIndex: async (_: unknown, args: { unitCode: string; period: Period }, ctx: EgovContext) => {
      const [unitCode] = checkUnitCodes([args.unitCode], 'unitCode');
      const row = await ctx.loaders.serviceIndexInputsByUnit.load({
        code: unitCode!,
        period: checkPeriod(args.period),
      });
      return row ? toServiceIndex(row) : null;
    },
    citizenReport: (_: unknown, { id }: { id: string }, ctx: EgovContext) =>
      getCitizenReport(client, id, ctx),
    citizenReports: async (_: unknown, args: ListArgs<CitizenReportFilter>, ctx: EgovContext) =>
      toConnection(await searchCitizenReports(client, checkFilter(args.filter), window(args), ctx)),
  };
}
