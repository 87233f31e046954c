import { json, notFound, route, type Route } from '@lgsp/simulator-kit';
import { formatVnTime, HOUR_MS } from '../data/noise.js';
import { hoaBinhReservoir, reservoirObservation } from '../data/reservoir.js';
import { badRequest, currentHour, cursorPage, isReply, readInstant } from './requestParams.js';

export interface ReservoirRouteOptions {
  seed: number;
  now: () => number;
  historyHours: number;
}

/** The reservoir panel's source: metadata with the latest observation, and hourly observations by range. */
export function createReservoirRoutes({ seed, now, historyHours }: ReservoirRouteOptions): Route[] {
  const observationAt = (hour: number) => ({
    time: formatVnTime(hour * HOUR_MS),
    ...reservoirObservation(seed, hour),
  });
  const known = (id: string | undefined): boolean => id === hoaBinhReservoir.reservoirId;
  return [
    route('GET', '/api/v1/reservoirs/:reservoirId', ({ params }) => {
      if (!known(params.reservoirId)) return notFound('reservoir not found');
      return json({ ...hoaBinhReservoir, latest: observationAt(currentHour(now())) });
    }),
    route('GET', '/api/v1/reservoirs/:reservoirId/observations', ({ params, query }) => {
      if (!known(params.reservoirId)) return notFound('reservoir not found');
      const from = readInstant(query, 'from');
      const to = readInstant(query, 'to');
      if (from === null || to === null) return badRequest('from/to must be ISO 8601 instants with an offset');
      const nowHour = currentHour(now());
      const lastHour = Math.min(nowHour, to === undefined ? nowHour : Math.floor(to / HOUR_MS));
      const firstHour = Math.max(
        nowHour - historyHours + 1,
        from === undefined ? lastHour - 23 : Math.ceil(from / HOUR_MS),
      );
      const items = [];
      for (let hour = firstHour; hour <= lastHour; hour += 1) items.push(observationAt(hour));
      const page = cursorPage(items, query, { defaultLimit: 1000, maxLimit: 5000 });
      return isReply(page) ? page : json(page);
    }),
  ];
}
