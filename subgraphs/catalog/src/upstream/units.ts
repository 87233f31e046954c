import { orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import {
  readUnit,
  readUnitBatch,
  readUnitPage,
  unitListQuery,
  type Level,
  type Unit,
  type UpstreamPage,
} from './mapping.js';

export interface CallContext {
  requestId: string;
}

/** One unit version: valid on `asOf`, or the newest version of the code; null when the service has none. */
export async function getUnit(
  client: UpstreamClient,
  code: string,
  asOf: string | undefined,
  { requestId }: CallContext,
): Promise<Unit | null> {
  const body = await client.getJson(`/units/${encodeURIComponent(code)}`, { query: { asOf }, requestId });
  return orNull(body, readUnit);
}

/** Many codes in one call (`units:batchGet`), in key order, null for unknown codes. */
export async function getUnits(
  client: UpstreamClient,
  codes: readonly string[],
  asOf: string | undefined,
  { requestId }: CallContext,
): Promise<(Unit | null)[]> {
  const body = await client.getJson('/units:batchGet', {
    query: { codes: codes.join(','), asOf },
    requestId,
  });
  const byCode = new Map((orNull(body, readUnitBatch) ?? []).map((unit) => [unit.code, unit]));
  return codes.map((code) => byCode.get(code) ?? null);
}

export interface UnitListFilter {
  level?: Level | undefined;
  parentCodes?: readonly string[] | undefined;
  asOf?: string | undefined;
}

/** One page of the unit list. */
export async function listUnits(
  client: UpstreamClient,
  filter: UnitListFilter,
  page: number,
  pageSize: number,
  { requestId }: CallContext,
): Promise<UpstreamPage<Unit>> {
  const body = await client.getJson('/units', {
    query: { ...unitListQuery(filter), page, pageSize },
    requestId,
  });
  return orNull(body, readUnitPage) ?? { items: [], total: 0 };
}

/** One page of the diacritics-insensitive name search. */
export async function searchUnits(
  client: UpstreamClient,
  text: string,
  pageSize: number,
  { requestId }: CallContext,
): Promise<Unit[]> {
  const body = await client.getJson('/units:search', { query: { q: text, page: 1, pageSize }, requestId });
  return orNull(body, readUnitPage)?.items ?? [];
}
