import type { SubgraphContext } from '@lgsp/subgraph-kit';
import { airLimits, findExceedances, waterLimits, type Parameter } from '../aqi/limits.js';
import { computeStationAqi } from '../aqi/stationAqi.js';
import { rangeKey, type EnvironmentLoaders } from '../upstream/loaders.js';
import { parameterUnits, type Reading, type Station } from '../upstream/mapping.js';
import { formatVnTime } from '../upstream/vnTime.js';
import { readFirst, readRange } from './arguments.js';

type Context = SubgraphContext<EnvironmentLoaders>;

interface RangeArgs {
  from: string;
  to: string;
  first?: number | null;
}

/** The hourly VN-AQI of a station for the current hour (null for water stations). */
export async function stationAqi(station: Station, ctx: Context) {
  if (station.type !== 'AIR') return null;
  const recent = await ctx.loaders.recentReadings.load(station.id);
  return recent ? computeStationAqi(station, recent.hourMs, recent.readings) : null;
}

export const stationResolvers = {
  MonitoringStation: {
    __resolveReference: (reference: { id: string }, ctx: Context) =>
      ctx.loaders.stationById.load(reference.id),
    location: (station: Station) => ({ latitude: station.latitude, longitude: station.longitude }),
    unit: (station: Station) => ({ code: station.communeCode }),
    formerUnit: (station: Station) => ({ code: station.formerCommuneCode }),
    installedOn: (station: Station) => station.installedOn,
    latestReading: (station: Station, _args: unknown, ctx: Context) =>
      ctx.loaders.latestReading.load(station.id),
    readings: async (station: Station, args: RangeArgs, ctx: Context) => {
      const { fromMs, toMs } = readRange(args.from, args.to);
      const first = readFirst(args.first, 168, 744);
      const readings = await ctx.loaders.readingsInRange.load(rangeKey(station.id, fromMs, toMs));
      return (readings ?? []).slice(0, first);
    },
    aqi: (station: Station, _args: unknown, ctx: Context) => stationAqi(station, ctx),
    exceedances: async (station: Station, args: RangeArgs, ctx: Context) => {
      const { fromMs, toMs } = readRange(args.from, args.to);
      const readings = (await ctx.loaders.readingsInRange.load(rangeKey(station.id, fromMs, toMs))) ?? [];
      const limits = station.type === 'AIR' ? airLimits : waterLimits;
      return findExceedances(readings, limits).map((exceedance) => ({
        ...exceedance,
        observedAt: formatVnTime(exceedance.at),
      }));
    },
  },
  StationReading: {
    measurements: (reading: Reading) =>
      (Object.entries(reading.values) as [Parameter, number | null][]).map(([parameter, value]) => ({
        parameter,
        value,
        unit: parameterUnits[parameter],
      })),
    value: (reading: Reading, args: { parameter: Parameter }) => reading.values[args.parameter] ?? null,
  },
};
