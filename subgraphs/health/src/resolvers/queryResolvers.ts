import type { Disease, HealthFacilityType } from '../model.js';
import { getCaseStatsBetween, getDiseases } from '../upstream/caseStats.js';
import { listFacilities } from '../upstream/facilities.js';
import type { HealthContext } from './context.js';
import { badUserInput, MAX_PER_PAGE, optionalIsoWeek, requireCccd, requireRange } from './validation.js';

interface CaseStatsArgs {
  unitCode: string;
  disease?: Disease | null;
  fromWeek?: string | null;
  toWeek?: string | null;
}

function caseStatsBetween(_: unknown, args: CaseStatsArgs, ctx: HealthContext) {
  const fromWeek = optionalIsoWeek('fromWeek', args.fromWeek);
  const toWeek = optionalIsoWeek('toWeek', args.toWeek);
  // ISO week strings sort chronologically.
  if (fromWeek && toWeek && fromWeek > toWeek) throw badUserInput('fromWeek must not be after toWeek');
  const range = { disease: args.disease ?? undefined, fromWeek, toWeek };
  return getCaseStatsBetween(ctx.client, args.unitCode, range, { requestId: ctx.requestId });
}

interface FacilitiesArgs {
  unitCode?: string | null;
  type?: HealthFacilityType | null;
  page: number;
  perPage: number;
}

export const queryResolvers = {
  healthFacility: (_: unknown, { id }: { id: string }, ctx: HealthContext) =>
    ctx.loaders.facilityById.load(id),

  healthFacilities: (_: unknown, args: FacilitiesArgs, ctx: HealthContext) =>
    listFacilities(
      ctx.client,
      {
        unitCode: args.unitCode,
        type: args.type,
        page: requireRange('page', args.page, 1, 10_000),
        perPage: requireRange('perPage', args.perPage, 1, MAX_PER_PAGE),
      },
      { requestId: ctx.requestId },
    ),

  diseaseCaseStats: caseStatsBetween,

  notifiableDiseases: (_: unknown, __: unknown, ctx: HealthContext) =>
    getDiseases(ctx.client, { requestId: ctx.requestId }),

  vaccinationRecord: (_: unknown, { cccd }: { cccd: string }, ctx: HealthContext) =>
    ctx.loaders.recordByCccd.load(requireCccd(cccd)),
};
