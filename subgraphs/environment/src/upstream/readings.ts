import { orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import { readLatestReadings, readReadingPage, type Reading } from './mapping.js';
import type { CallContext } from './stations.js';
import { formatVnTime } from './vnTime.js';

const PAGE_LIMIT = 5000;
const MAX_PAGES = 20;

/** Hourly readings of many stations in [fromMs, toMs], following cursors; grouped by station, oldest first. */
export async function getReadings(
  client: UpstreamClient,
  stationIds: readonly string[],
  fromMs: number,
  toMs: number,
  { requestId }: CallContext,
): Promise<Map<string, Reading[]>> {
  const byStation = new Map<string, Reading[]>(stationIds.map((id) => [id, []]));
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = await client.getJson('/readings', {
      query: {
        stationIds: stationIds.join(','),
        from: formatVnTime(fromMs),
        to: formatVnTime(toMs),
        limit: PAGE_LIMIT,
        cursor,
      },
      requestId,
    });
    const result = orNull(body, readReadingPage);
    for (const reading of result?.items ?? []) byStation.get(reading.stationId)?.push(reading);
    if (!result?.nextCursor) break;
    cursor = result.nextCursor;
  }
  for (const readings of byStation.values()) readings.sort((a, b) => a.at - b.at);
  return byStation;
}

/** The latest reading of each station in one call, in key order; null for a station without recent data. */
export async function getLatestReadings(
  client: UpstreamClient,
  stationIds: readonly string[],
  { requestId }: CallContext,
): Promise<(Reading | null)[]> {
  const body = await client.getJson('/readings/latest', {
    query: { stationIds: stationIds.join(',') },
    requestId,
  });
  const byStation = new Map(
    (orNull(body, readLatestReadings) ?? []).map((reading) => [reading.stationId, reading]),
  );
  return stationIds.map((id) => byStation.get(id) ?? null);
}
