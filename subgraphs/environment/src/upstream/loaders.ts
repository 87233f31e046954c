import { createKeyedLoader, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { Reading, Station } from './mapping.js';
import { getLatestReadings, getReadings } from './readings.js';
import { getStations, listAllStations } from './stations.js';
import { HOUR_MS } from './vnTime.js';

/** The system's batch limit for station ids. */
const MAX_STATIONS_PER_CALL = 50;

/** Key of a reading range: station id and the range's bounds in epoch ms. */
export function rangeKey(stationId: string, fromMs: number, toMs: number): string {
  return `${stationId}|${fromMs}|${toMs}`;
}

/**
 * The request's DataLoaders. Every per-station and per-unit field goes through them, so a query over all communes
 * costs one upstream call per resource (and per distinct time range).
 */
export function createEnvironmentLoaders(client: UpstreamClient, requestId: string, now: () => number) {
  const ctx = { requestId };
  const options = { maxBatchSize: MAX_STATIONS_PER_CALL };
  return {
    stationById: createKeyedLoader<string, Station>((ids) => getStations(client, ids, ctx), {
      name: 'stationById',
      ...options,
    }),
    /** Key: any administrative unit code → the stations lying in it. */
    stationsByUnit: createKeyedLoader<string, Station[]>(
      async (codes) => {
        const stations = await listAllStations(client, { areaCodes: codes }, ctx);
        return codes.map((code) => stations.filter((station) => station.areaCodes.includes(code)));
      },
      { name: 'stationsByUnit', maxBatchSize: 500 },
    ),
    latestReading: createKeyedLoader<string, Reading>((ids) => getLatestReadings(client, ids, ctx), {
      name: 'latestReading',
      ...options,
    }),
    /** Key `rangeKey(id, from, to)`; keys of one range share one call. */
    readingsInRange: createKeyedLoader<string, Reading[]>(
      async (keys) => {
        const ranges = new Map<string, string[]>();
        for (const key of keys) {
          const [id = '', from = '', to = ''] = key.split('|');
          ranges.set(`${from}|${to}`, [...(ranges.get(`${from}|${to}`) ?? []), id]);
        }
        const found = new Map<string, Reading[]>();
        await Promise.all(
          [...ranges].map(async ([range, ids]) => {
            const [from, to] = range.split('|').map(Number) as [number, number];
            const byStation = await getReadings(client, ids, from, to, ctx);
            for (const id of ids) found.set(rangeKey(id, from, to), byStation.get(id) ?? []);
          }),
        );
        return found;
      },
      { name: 'readingsInRange', ...options },
    ),
    /** The last 12 hours up to the current hour, what an hourly VN-AQI needs; one call for every station asked. */
    recentReadings: createKeyedLoader<string, { hourMs: number; readings: Reading[] }>(
      async (ids) => {
        const hourMs = Math.floor(now() / HOUR_MS) * HOUR_MS;
        const byStation = await getReadings(client, ids, hourMs - 11 * HOUR_MS, hourMs, ctx);
        return ids.map((id) => ({ hourMs, readings: byStation.get(id) ?? [] }));
      },
      { name: 'recentReadings', ...options },
    ),
  };
}

export type EnvironmentLoaders = ReturnType<typeof createEnvironmentLoaders>;
