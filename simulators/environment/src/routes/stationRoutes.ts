import { json, notFound, route, type Route } from '@lgsp/simulator-kit';
import type { EnvStation } from '../data/stations.js';
import { badRequest, cursorPage, isReply, readList } from './requestParams.js';

/** What the system serves about a station (the generator's profile stays inside). */
export function publicStation(station: EnvStation): Omit<EnvStation, 'profile' | 'region'> {
  const { profile: _profile, region: _region, ...served } = station;
  return served;
}

/**
 * `GET /api/v1/stations`: filter by `stationType`, `stationIds` and `areaCodes` (any administrative code: the
 * current commune, the former commune or district, or a province code 17/25), cursor-paged.
 */
export function createStationRoutes(stations: readonly EnvStation[]): Route[] {
  const byId = new Map(stations.map((station) => [station.stationId, station]));
  const areaCodesOf = (station: EnvStation): string[] => [
    station.communeCode,
    station.formerCommuneCode,
    station.formerDistrictCode,
    station.provinceCode,
    station.formerProvinceCode,
  ];
  return [
    route('GET', '/api/v1/stations', ({ query }) => {
      const type = query.get('stationType');
      if (type !== null && type !== 'AIR' && type !== 'WATER')
        return badRequest('stationType must be AIR or WATER');
      const ids = new Set(readList(query, 'stationIds'));
      const areas = new Set(readList(query, 'areaCodes'));
      const selected = stations.filter(
        (station) =>
          (type === null || station.stationType === type) &&
          (ids.size === 0 || ids.has(station.stationId)) &&
          (areas.size === 0 || areaCodesOf(station).some((code) => areas.has(code))),
      );
      const page = cursorPage(selected.map(publicStation), query, { defaultLimit: 50, maxLimit: 200 });
      return isReply(page) ? page : json(page);
    }),
    route('GET', '/api/v1/stations/:stationId', ({ params }) => {
      const station = byId.get(params.stationId!);
      return station ? json(publicStation(station)) : notFound('station not found');
    }),
  ];
}
