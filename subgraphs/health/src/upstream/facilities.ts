import { alignByKey, orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { HealthFacility, HealthFacilityType, Page } from '../model.js';
import { getAllPages, groupBy, type CallContext } from './client.js';
import { parseFacility, parseFacilityPage, upstreamCategory } from './mapping.js';

/** One facility by registry code; null when unknown. */
export async function getFacility(
  client: UpstreamClient,
  id: string,
  context: CallContext,
): Promise<HealthFacility | null> {
  return orNull(await client.getJson(`/facilities/${encodeURIComponent(id)}`, context), parseFacility);
}

/** Many facilities by registry code in one call, in key order (null for unknown codes). */
export async function getFacilities(
  client: UpstreamClient,
  ids: readonly string[],
  context: CallContext,
): Promise<(HealthFacility | null)[]> {
  const items = await getAllPages(
    client,
    '/facilities',
    { codes: ids.join(',') },
    parseFacilityPage,
    context,
  );
  return alignByKey(ids, items, (facility) => facility.id);
}

/** The facilities in each of many units (commune, district or province codes), in one call. */
export async function getFacilitiesByUnits(
  client: UpstreamClient,
  unitCodes: readonly string[],
  context: CallContext,
): Promise<Map<string, HealthFacility[]>> {
  const items = await getAllPages(
    client,
    '/facilities',
    { unitCodes: unitCodes.join(',') },
    parseFacilityPage,
    context,
  );
  return groupBy(unitCodes, items, (facility) => facility.unitCodes);
}

export interface FacilityFilter {
  unitCode?: string | null;
  type?: HealthFacilityType | null;
  page: number;
  perPage: number;
}

/** One page of the registry, optionally filtered by unit and type. */
export async function listFacilities(
  client: UpstreamClient,
  filter: FacilityFilter,
  context: CallContext,
): Promise<Page<HealthFacility>> {
  const payload = await client.getJson('/facilities', {
    ...context,
    query: {
      unitCodes: filter.unitCode ?? undefined,
      category: filter.type ? upstreamCategory(filter.type) : undefined,
      page: filter.page,
      perPage: filter.perPage,
    },
  });
  return (
    orNull(payload, parseFacilityPage) ?? { items: [], page: filter.page, perPage: filter.perPage, total: 0 }
  );
}
