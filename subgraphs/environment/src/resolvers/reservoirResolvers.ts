import type { SubgraphContext, UpstreamClient } from '@lgsp/subgraph-kit';
import type { EnvironmentLoaders } from '../upstream/loaders.js';
import type { ReservoirInfo } from '../upstream/mapping.js';
import { getObservations, getReservoir } from '../upstream/reservoir.js';
import { HOUR_MS } from '../upstream/vnTime.js';
import { readFirst, readRange } from './arguments.js';

type Context = SubgraphContext<EnvironmentLoaders>;

/** A level change within ±5 cm in 24 hours is steady. */
const STEADY_M = 0.05;

/** The reservoir panel: one call for the reservoir and its latest hour, one for the hour 24 h before. */
export function createReservoirResolvers(client: UpstreamClient) {
  // Both levelChange24hM and trend24h need the same observation: one call per request, not one per field.
  const changes = new WeakMap<Context, Promise<number | null>>();
  const fetchChange = async (reservoir: ReservoirInfo, ctx: Context): Promise<number | null> => {
    const dayBefore = reservoir.latest.at - 24 * HOUR_MS;
    const [before] = await getObservations(client, reservoir.id, dayBefore, dayBefore, 1, ctx);
    return before ? Number((reservoir.latest.waterLevelM - before.waterLevelM).toFixed(2)) : null;
  };
  const levelChange = (reservoir: ReservoirInfo, ctx: Context): Promise<number | null> => {
    let change = changes.get(ctx);
    if (!change) {
      change = fetchChange(reservoir, ctx);
      changes.set(ctx, change);
    }
    return change;
  };
  return {
    Query: {
      reservoir: (_: unknown, args: { id: string }, ctx: Context) => getReservoir(client, args.id, ctx),
    },
    Reservoir: {
      location: (reservoir: ReservoirInfo) => ({
        latitude: reservoir.latitude,
        longitude: reservoir.longitude,
      }),
      unit: (reservoir: ReservoirInfo) => ({ code: reservoir.communeCode }),
      current: (reservoir: ReservoirInfo) => reservoir.latest,
      levelChange24hM: (reservoir: ReservoirInfo, _args: unknown, ctx: Context) =>
        levelChange(reservoir, ctx),
      trend24h: async (reservoir: ReservoirInfo, _args: unknown, ctx: Context) => {
        const change = await levelChange(reservoir, ctx);
        if (change === null) return null;
        return change > STEADY_M ? 'RISING' : change < -STEADY_M ? 'FALLING' : 'STEADY';
      },
      observations: (
        reservoir: ReservoirInfo,
        args: { from: string; to: string; first?: number | null },
        ctx: Context,
      ) => {
        const { fromMs, toMs } = readRange(args.from, args.to);
        return getObservations(client, reservoir.id, fromMs, toMs, readFirst(args.first, 168, 744), ctx);
      },
    },
  };
}
