import { orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import {
  agencyListQuery,
  readAgency,
  readAgencyBatch,
  readAgencyPage,
  type Agency,
  type AgencyKind,
  type UpstreamPage,
} from './mapping.js';
import type { CallContext } from './units.js';

/** One agency, or null when the service does not know the code. */
export async function getAgency(
  client: UpstreamClient,
  code: string,
  { requestId }: CallContext,
): Promise<Agency | null> {
  return orNull(await client.getJson(`/agencies/${encodeURIComponent(code)}`, { requestId }), readAgency);
}

/** Many agencies in one call (`agencies:batchGet`), in key order, null for unknown codes. */
export async function getAgencies(
  client: UpstreamClient,
  codes: readonly string[],
  { requestId }: CallContext,
): Promise<(Agency | null)[]> {
  const body = await client.getJson('/agencies:batchGet', { query: { codes: codes.join(',') }, requestId });
  const byCode = new Map((orNull(body, readAgencyBatch) ?? []).map((agency) => [agency.code, agency]));
  return codes.map((code) => byCode.get(code) ?? null);
}

export interface AgencyListFilter {
  kind?: AgencyKind | undefined;
  unitCodes?: readonly string[] | undefined;
  asOf?: string | undefined;
}

/** One page of the agency list. */
export async function listAgencies(
  client: UpstreamClient,
  filter: AgencyListFilter,
  page: number,
  pageSize: number,
  { requestId }: CallContext,
): Promise<UpstreamPage<Agency>> {
  const body = await client.getJson('/agencies', {
    query: { ...agencyListQuery(filter), page, pageSize },
    requestId,
  });
  return orNull(body, readAgencyPage) ?? { items: [], total: 0 };
}
