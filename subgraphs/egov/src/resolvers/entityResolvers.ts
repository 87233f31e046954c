import type { CitizenReport, Dossier } from '../model.js';
import type { EgovContext } from './types.js';

/** Dossier and CitizenReport: references resolved through the batch loaders; codes become entity references. */
export const dossierResolvers = {
  __resolveReference: (reference: { id: string }, ctx: EgovContext) =>
    ctx.loaders.dossierById.load(reference.id),
  unit: (dossier: Dossier) => ({ code: dossier.unitCode }),
  agency: (dossier: Dossier) => ({ code: dossier.agencyCode }),
};

export const citizenReportResolvers = {
  __resolveReference: (reference: { id: string }, ctx: EgovContext) =>
    ctx.loaders.citizenReportById.load(reference.id),
  unit: (report: CitizenReport) => ({ code: report.unitCode }),
  handlingAgency: (report: CitizenReport) =>
    report.handlingAgencyCode ? { code: report.handlingAgencyCode } : null,
  statusHistory: async (report: CitizenReport, _: unknown, ctx: EgovContext) => {
    const history = (await ctx.loaders.citizenReportHistoryById.load(report.id)) ?? [];
    return history.map((change) => ({ ...change, agency: { code: change.agencyCode } }));
  },
};
