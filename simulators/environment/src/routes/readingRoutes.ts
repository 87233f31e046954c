import { json, route, type Route } from '@lgsp/simulator-kit';
import { formatVnTime, HOUR_MS } from '../data/noise.js';
import { readingValues, type ReadingValues } from '../data/readings.js';
import type { EnvStation } from '../data/stations.js';
import { badRequest, currentHour, cursorPage, isReply, readInstant, readList } from './requestParams.js';

export interface ReadingRouteOptions {
  stations: readonly EnvStation[];
  seed: number;
  now: () => number;
  /** How far back the system keeps hourly readings. */
  historyHours: number;
}

interface Reading {
  stationId: string;
  time: string;
  values: ReadingValues;
}

const MAX_STATIONS = 50;
const MAX_RANGE_HOURS = 31 * 24;

/** Hourly readings (batch by `stationIds`, cursor-paged) and the latest reading of many stations in one call. */
export function createReadingRoutes({ stations, seed, now, historyHours }: ReadingRouteOptions): Route[] {
  const byId = new Map(stations.map((station) => [station.stationId, station]));
  const readingAt = (station: EnvStation, hour: number, nowHour: number): Reading | null => {
    if (hour > nowHour || hour <= nowHour - historyHours) return null;
    const values = readingValues(seed, station, hour, nowHour);
    return values ? { stationId: station.stationId, time: formatVnTime(hour * HOUR_MS), values } : null;
  };
  const readStations = (query: URLSearchParams): EnvStation[] | string => {
    const ids = readList(query, 'stationIds');
    if (ids.length === 0 || ids.length > MAX_STATIONS) return `stationIds: 1 to ${MAX_STATIONS} ids`;
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  return [
    route('GET', '/api/v1/readings/latest', ({ query }) => {
      const selected = readStations(query);
      if (typeof selected === 'string') return badRequest(selected);
      const nowHour = currentHour(now());
      const latest = selected.flatMap((station) => {
        for (let hour = nowHour; hour > nowHour - 72; hour -= 1) {
          const reading = readingAt(station, hour, nowHour);
          if (reading) return [reading];
        }
        return [];
      });
      return json({ data: latest });
    }),
    route('GET', '/api/v1/readings', ({ query }) => {
      const selected = readStations(query);
      if (typeof selected === 'string') return badRequest(selected);
      const from = readInstant(query, 'from');
      const to = readInstant(query, 'to');
      if (from === null || to === null) return badRequest('from/to must be ISO 8601 instants with an offset');
      const nowHour = currentHour(now());
      const lastHour = to === undefined ? nowHour : Math.floor(to / HOUR_MS);
      const firstHour = from === undefined ? lastHour - 23 : Math.ceil(from / HOUR_MS);
      if (firstHour > lastHour + 1) return badRequest('from must not be after to');
      if (lastHour - firstHour >= MAX_RANGE_HOURS) return badRequest('at most 31 days per request');
      const items: Reading[] = [];
      for (const station of selected) {
        for (let hour = firstHour; hour <= lastHour; hour += 1) {
          const reading = readingAt(station, hour, nowHour);
          if (reading) items.push(reading);
        }
      }
      const page = cursorPage(items, query, { defaultLimit: 1000, maxLimit: 5000 });
      return isReply(page) ? page : json(page);
    }),
  ];
}
