import { createKeyedLoader, type UpstreamClient } from '@lgsp/subgraph-kit';
import { getAgencies, listAgencies } from './agencies.js';
import type { Agency, Unit } from './mapping.js';
import { fetchAllPages, MAX_PAGE_SIZE } from './paging.js';
import { getUnits, listUnits } from './units.js';

/** A loader key: a code and the date that picks its version (`''` = the newest version / today). */
export function versionKey(code: string, asOf: string | undefined): string {
  return `${code}|${asOf ?? ''}`;
}

function splitKey(key: string): { code: string; asOf: string | undefined } {
  const [code = '', asOf = ''] = key.split('|');
  return { code, asOf: asOf === '' ? undefined : asOf };
}

/** Groups keys by their date: the service takes one `asOf` per call, so each date is one call. */
function byDate(keys: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const key of keys) {
    const { code, asOf } = splitKey(key);
    groups.set(asOf, [...(groups.get(asOf) ?? []), code]);
  }
  return groups;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * The request's DataLoaders. Batches are as large as the service's batch limit (500), so the 151 communes of a
 * query cost one upstream call per loader and date.
 */
export function createCatalogLoaders(client: UpstreamClient, requestId: string) {
  const ctx = { requestId };
  const options = { maxBatchSize: MAX_PAGE_SIZE };
  return {
    /** Key `versionKey(code, asOf)` → that unit version. */
    unitByVersion: createKeyedLoader<string, Unit>(
      async (keys) => {
        const found = new Map<string, Unit | null>();
        for (const [asOf, codes] of byDate(keys)) {
          const units = await getUnits(client, codes, asOf, ctx);
          codes.forEach((code, index) => found.set(versionKey(code, asOf), units[index] ?? null));
        }
        return found;
      },
      { name: 'unitByVersion', ...options },
    ),
    /** Key `versionKey(parentCode, asOf)` → the children valid on that date. */
    childrenByParent: createKeyedLoader<string, Unit[]>(
      async (keys) => {
        const found = new Map<string, Unit[]>();
        for (const [asOf, parentCodes] of byDate(keys)) {
          const units = await fetchAllPages((page, size) =>
            listUnits(client, { parentCodes, asOf }, page, size, ctx),
          );
          const groups = groupBy(units, (unit) => unit.parentCode);
          for (const code of parentCodes) found.set(versionKey(code, asOf), groups.get(code) ?? []);
        }
        return found;
      },
      { name: 'childrenByParent', ...options },
    ),
    agencyByCode: createKeyedLoader<string, Agency>((codes) => getAgencies(client, codes, ctx), {
      name: 'agencyByCode',
      ...options,
    }),
    /** Key `versionKey(unitCode, asOf)` → the agencies of that unit valid on that date. */
    agenciesByUnit: createKeyedLoader<string, Agency[]>(
      async (keys) => {
        const found = new Map<string, Agency[]>();
        for (const [asOf, unitCodes] of byDate(keys)) {
          const agencies = await fetchAllPages((page, size) =>
            listAgencies(client, { unitCodes, asOf }, page, size, ctx),
          );
          const groups = groupBy(agencies, (agency) => agency.unitCode);
          for (const code of unitCodes) found.set(versionKey(code, asOf), groups.get(code) ?? []);
        }
        return found;
      },
      { name: 'agenciesByUnit', ...options },
    ),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
