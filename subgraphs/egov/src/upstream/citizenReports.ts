import { isNotFound, UpstreamError, type UpstreamClient } from '@lgsp/subgraph-kit';
import type {
  CitizenReport,
  CitizenReportFilter,
  CitizenReportStatus,
  CitizenReportStatusChange,
  Slice,
} from '../model.js';
import { reportMapping, UPSTREAM } from './mapping.js';
import { fetchSlice, type CallContext } from './paging.js';

/** One field report by id; null when the upstream does not know it. */
export async function getCitizenReport(
  client: UpstreamClient,
  id: string,
  { requestId }: CallContext,
): Promise<CitizenReport | null> {
  const payload = await client.getJson(`/phananh/${encodeURIComponent(id)}`, { requestId });
  return isNotFound(payload) ? null : reportMapping.one(payload);
}

/** Many field reports by id in one call; any order, unknown ids left out. */
export async function getCitizenReports(
  client: UpstreamClient,
  ids: readonly string[],
  { requestId }: CallContext,
): Promise<CitizenReport[]> {
  const payload = await client.getJson('/phananh', { query: reportMapping.byIdsQuery(ids), requestId });
  return isNotFound(payload) ? [] : reportMapping.many(payload);
}

/** A slice of the reports matching a filter, newest first. */
export function searchCitizenReports(
  client: UpstreamClient,
  filter: CitizenReportFilter,
  window: { offset: number; limit: number },
  context: CallContext,
): Promise<Slice<CitizenReport>> {
  return fetchSlice(window, async (page, pageSize) => {
    const payload = await client.getJson('/phananh', {
      query: reportMapping.searchQuery(filter, page, pageSize),
      requestId: context.requestId,
    });
    return isNotFound(payload) ? { items: [], totalCount: 0 } : reportMapping.page(payload);
  });
}

/** The newest `first` reports of each unit (optionally with a status), for many units in one call. */
export async function getCitizenReportsByUnit(
  client: UpstreamClient,
  unitCodes: readonly string[],
  options: { status: CitizenReportStatus | null; first: number },
  { requestId }: CallContext,
): Promise<Map<string, CitizenReport[]>> {
  const payload = await client.getJson('/phananh/theo-don-vi', {
    query: reportMapping.perUnitQuery(unitCodes, options.status, options.first),
    requestId,
  });
  return isNotFound(payload) ? new Map() : reportMapping.perUnit(payload);
}

/** Status histories of many reports in one call (a read sent as POST, so it is marked idempotent and retried). */
export async function getCitizenReportHistories(
  client: UpstreamClient,
  ids: readonly string[],
  { requestId }: CallContext,
): Promise<Map<string, CitizenReportStatusChange[]>> {
  const response = await client.request({
    method: 'POST',
    path: '/phananh/lich-su',
    body: reportMapping.historyBody(ids),
    headers: { 'content-type': 'application/json' },
    idempotent: true,
    requestId,
  });
  if (isNotFound(response)) return new Map();
  let payload: unknown;
  try {
    payload = JSON.parse(response.text);
  } catch (cause) {
    throw new UpstreamError({ upstream: UPSTREAM, reason: 'malformed', cause });
  }
  return reportMapping.histories(payload);
}
