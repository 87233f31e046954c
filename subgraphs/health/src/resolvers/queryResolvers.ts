import type { HealthFacilityType } from '../model.js';
import { getDiseases } from '../upstream/caseStats.js';
import { listFacilities } from '../upstream/facilities.js';
import type { HealthContext } from './context.js';
import { MAX_PER_PAGE, requireCccd, requireRange } from './validation.js';

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

  notifiableDiseases: (_: unknown, __: unknown, ctx: HealthContext) =>
    getDiseases(ctx.client, { requestId: ctx.requestId }),

  vaccinationRecord: (_: unknown, { cccd }: { cccd: string }, ctx: HealthContext) =>
    ctx.loaders.recordByCccd.load(requireCccd(cccd)),
};
