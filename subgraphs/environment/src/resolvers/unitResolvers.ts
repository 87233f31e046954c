import type { SubgraphContext } from '@lgsp/subgraph-kit';
import type { StationAqi } from '../aqi/stationAqi.js';
import type { EnvironmentLoaders } from '../upstream/loaders.js';
import type { StationType } from '../upstream/mapping.js';
import { stationAqi } from './stationResolvers.js';

type Context = SubgraphContext<EnvironmentLoaders>;

export const unitResolvers = {
  AdministrativeUnit: {
    /** The key is all this subgraph needs: it never calls the catalog. */
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
    monitoringStations: async (unit: { code: string }, args: { type?: StationType | null }, ctx: Context) => {
      const stations = (await ctx.loaders.stationsByUnit.load(unit.code)) ?? [];
      return stations.filter((station) => !args.type || station.type === args.type);
    },
    /** The worst (highest) current VN-AQI among the unit's air stations: what a resident should be told. */
    airQuality: async (unit: { code: string }, _args: unknown, ctx: Context) => {
      const stations = ((await ctx.loaders.stationsByUnit.load(unit.code)) ?? []).filter(
        (s) => s.type === 'AIR',
      );
      const indices = await Promise.all(stations.map((station) => stationAqi(station, ctx)));
      return indices.reduce<StationAqi | null>(
        (worst, index) => (index && (!worst || index.value > worst.value) ? index : worst),
        null,
      );
    },
  },
};
