import { orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import {
  readStation,
  readStationPage,
  stationQuery,
  type CursorPage,
  type Station,
  type StationType,
} from './mapping.js';

export interface CallContext {
  requestId: string;
}

export interface StationFilter {
  type?: StationType | undefined;
  ids?: readonly string[] | undefined;
  areaCodes?: readonly string[] | undefined;
}

/** One page of the station list. */
export async function listStations(
  client: UpstreamClient,
  filter: StationFilter,
  page: { cursor?: string | undefined; limit: number },
  { requestId }: CallContext,
): Promise<CursorPage<Station>> {
  const body = await client.getJson('/stations', {
    query: { ...stationQuery(filter), cursor: page.cursor, limit: page.limit },
    requestId,
  });
  return orNull(body, readStationPage) ?? { items: [], nextCursor: null };
}

/** Every station matching the filter, following cursors (the province has a few dozen: one call). */
export async function listAllStations(
  client: UpstreamClient,
  filter: StationFilter,
  ctx: CallContext,
): Promise<Station[]> {
  const stations: Station[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await listStations(client, filter, { cursor, limit: 200 }, ctx);
    stations.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return stations;
}

export async function getStation(client: UpstreamClient, id: string, { requestId }: CallContext) {
  return orNull(await client.getJson(`/stations/${encodeURIComponent(id)}`, { requestId }), readStation);
}

/** Many stations in one call, in key order, null for unknown ids. */
export async function getStations(
  client: UpstreamClient,
  ids: readonly string[],
  ctx: CallContext,
): Promise<(Station | null)[]> {
  const found = new Map(
    (await listAllStations(client, { ids }, ctx)).map((station) => [station.id, station]),
  );
  return ids.map((id) => found.get(id) ?? null);
}
