import { isNotFound, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { Dossier, DossierFilter, Slice } from '../model.js';
import { dossierMapping } from './mapping.js';
import { fetchSlice, type CallContext } from './paging.js';

/** One dossier by number; null when the upstream does not know it. */
export async function getDossier(
  client: UpstreamClient,
  id: string,
  { requestId }: CallContext,
): Promise<Dossier | null> {
  const payload = await client.getJson(`/hoso/${encodeURIComponent(id)}`, { requestId });
  return isNotFound(payload) ? null : dossierMapping.one(payload);
}

/** Many dossiers by number in one call; the result is in any order, unknown numbers left out. */
export async function getDossiers(
  client: UpstreamClient,
  ids: readonly string[],
  { requestId }: CallContext,
): Promise<Dossier[]> {
  const payload = await client.getJson('/hoso', { query: dossierMapping.byIdsQuery(ids), requestId });
  return isNotFound(payload) ? [] : dossierMapping.many(payload);
}

/** A slice of the dossiers matching a filter, newest first. */
export function searchDossiers(
  client: UpstreamClient,
  filter: DossierFilter,
  window: { offset: number; limit: number },
  context: CallContext,
): Promise<Slice<Dossier>> {
  return fetchSlice(window, async (page, pageSize) => {
    const payload = await client.getJson('/hoso', {
      query: dossierMapping.searchQuery(filter, page, pageSize),
      requestId: context.requestId,
    });
    return isNotFound(payload) ? { items: [], totalCount: 0 } : dossierMapping.page(payload);
  });
}
