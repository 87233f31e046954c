import { alignByKey, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { BedOccupancy, BedOccupancySummary } from '../model.js';
import { getAllPages, type CallContext } from './client.js';
import { parseBedReportPage, parseBedSummaryPage } from './mapping.js';

/** Each facility's bed report for one day (undefined: the latest), in key order; null when none. */
export async function getBedReports(
  client: UpstreamClient,
  facilityIds: readonly string[],
  date: string | undefined,
  context: CallContext,
): Promise<(BedOccupancy | null)[]> {
  const query = { facilityCodes: facilityIds.join(','), date };
  const items = await getAllPages(client, '/bed-reports', query, parseBedReportPage, context);
  return alignByKey(facilityIds, items, (report) => report.facilityId);
}

/** Each unit's bed summary for one day (undefined: the latest), in key order; null for a unit without facilities. */
export async function getBedSummaries(
  client: UpstreamClient,
  unitCodes: readonly string[],
  date: string | undefined,
  context: CallContext,
): Promise<(BedOccupancySummary | null)[]> {
  const query = { unitCodes: unitCodes.join(','), date };
  const items = await getAllPages(client, '/bed-reports/summary', query, parseBedSummaryPage, context);
  return alignByKey(unitCodes, items, (summary) => summary.unitCode);
}
