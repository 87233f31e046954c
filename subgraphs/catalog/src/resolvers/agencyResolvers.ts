import type { SubgraphContext } from '@lgsp/subgraph-kit';
import { versionKey, type CatalogLoaders } from '../upstream/loaders.js';
import type { Agency } from '../upstream/mapping.js';
import { isValidOn, todayInVietnam } from './validity.js';
import { versionDate } from './unitResolvers.js';

type Context = SubgraphContext<CatalogLoaders>;

export const agencyResolvers = {
  Agency: {
    __resolveReference: (reference: { code: string }, ctx: Context) =>
      ctx.loaders.agencyByCode.load(reference.code),
    /** The unit in the version the agency served: UBND-17-04795 → Phường Thịnh Lang, not Phường Hòa Bình. */
    unit: (agency: Agency, _args: unknown, ctx: Context) =>
      ctx.loaders.unitByVersion.load(versionKey(agency.unitCode, versionDate(agency))),
    parent: (agency: Agency, _args: unknown, ctx: Context) =>
      agency.parentCode === null ? null : ctx.loaders.agencyByCode.load(agency.parentCode),
    isCurrent: (agency: Agency) => isValidOn(agency, todayInVietnam()),
    successors: async (agency: Agency, _args: unknown, ctx: Context) => {
      const found = await ctx.loaders.agencyByCode.loadMany(agency.successorCodes);
      return found.filter((item): item is Agency => item !== null && !(item instanceof Error));
    },
  },
};
