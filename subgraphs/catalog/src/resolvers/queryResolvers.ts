import type { SubgraphContext, UpstreamClient } from '@lgsp/subgraph-kit';
import { listAgencies } from '../upstream/agencies.js';
import { versionKey, type CatalogLoaders } from '../upstream/loaders.js';
import type { AgencyKind, Level } from '../upstream/mapping.js';
import { fetchWindow } from '../upstream/paging.js';
import { listUnits, searchUnits } from '../upstream/units.js';
import { badUserInput, decodeCursor, readFirst, toConnection } from './paging.js';

type Context = SubgraphContext<CatalogLoaders>;

interface ListArgs {
  first?: number | null;
  after?: string | null;
  asOf?: string | null;
}

const MAX_FIRST = 200;
const MAX_SEARCH = 100;

/** Query fields; list queries go straight to the service (one call, two when a page straddles its pages). */
export function createQueryResolvers(client: UpstreamClient) {
  return {
    Query: {
      administrativeUnit: (_: unknown, args: { code: string; asOf?: string | null }, ctx: Context) =>
        ctx.loaders.unitByVersion.load(versionKey(args.code, args.asOf ?? undefined)),
      administrativeUnits: async (
        _: unknown,
        args: ListArgs & { level?: Level | null; parentCode?: string | null },
        ctx: Context,
      ) => {
        const first = readFirst(args.first, 50, MAX_FIRST);
        const offset = decodeCursor(args.after);
        const filter = {
          level: args.level ?? undefined,
          parentCodes: args.parentCode ? [args.parentCode] : undefined,
          asOf: args.asOf ?? undefined,
        };
        const page = await fetchWindow(offset, first, (p, size) => listUnits(client, filter, p, size, ctx));
        return toConnection(page, offset);
      },
      searchAdministrativeUnits: (
        _: unknown,
        args: { text: string; first?: number | null },
        ctx: Context,
      ) => {
        const text = args.text.trim();
        if (text.length === 0 || text.length > 100) throw badUserInput('text must be 1 to 100 characters');
        return searchUnits(client, text, readFirst(args.first, 20, MAX_SEARCH), ctx);
      },
      agency: (_: unknown, args: { code: string }, ctx: Context) => ctx.loaders.agencyByCode.load(args.code),
      agencies: async (
        _: unknown,
        args: ListArgs & { kind?: AgencyKind | null; unitCode?: string | null },
        ctx: Context,
      ) => {
        const first = readFirst(args.first, 50, MAX_FIRST);
        const offset = decodeCursor(args.after);
        const filter = {
          kind: args.kind ?? undefined,
          unitCodes: args.unitCode ? [args.unitCode] : undefined,
          asOf: args.asOf ?? undefined,
        };
        const page = await fetchWindow(offset, first, (p, size) =>
          listAgencies(client, filter, p, size, ctx),
        );
        return toConnection(page, offset);
      },
    },
  };
}
