import type { SubgraphContext } from '@lgsp/subgraph-kit';
import { versionKey, type CatalogLoaders } from '../upstream/loaders.js';
import type { AgencyKind, Unit, UnitLink } from '../upstream/mapping.js';
import { isValidOn, todayInVietnam } from './validity.js';

type Context = SubgraphContext<CatalogLoaders>;

/**
 * The date that picks the versions around a unit version: its last day when it has expired, none (newest/today)
 * while it is in force. So an old commune's parent is its old district, a new commune's is the new province.
 */
export function versionDate(unit: { validTo: string | null }): string | undefined {
  return unit.validTo ?? undefined;
}

export const unitResolvers = {
  AdministrativeUnit: {
    /** A reference carries only the code: THE RULE, the newest version of that code. */
    __resolveReference: (reference: { code: string }, ctx: Context) =>
      ctx.loaders.unitByVersion.load(versionKey(reference.code, undefined)),
    parent: (unit: Unit, _args: unknown, ctx: Context) =>
      unit.parentCode === null
        ? null
        : ctx.loaders.unitByVersion.load(versionKey(unit.parentCode, versionDate(unit))),
    province: (unit: Unit, _args: unknown, ctx: Context) =>
      unit.level === 'PROVINCE'
        ? unit
        : ctx.loaders.unitByVersion.load(versionKey(unit.provinceCode, versionDate(unit))),
    children: (unit: Unit, args: { asOf?: string | null }, ctx: Context) =>
      ctx.loaders.childrenByParent.load(versionKey(unit.code, args.asOf ?? versionDate(unit))),
    isCurrent: (unit: Unit) => isValidOn(unit, todayInVietnam()),
    agencies: async (unit: Unit, args: { kind?: AgencyKind | null }, ctx: Context) => {
      const agencies = await ctx.loaders.agenciesByUnit.load(
        versionKey(unit.code, versionDate(unit) ?? todayInVietnam()),
      );
      return (agencies ?? []).filter((agency) => !args.kind || agency.kind === args.kind);
    },
  },
  AdministrativeUnitLineage: {
    unit: (link: UnitLink, _args: unknown, ctx: Context) =>
      ctx.loaders.unitByVersion.load(versionKey(link.code, link.asOf)),
  },
};
