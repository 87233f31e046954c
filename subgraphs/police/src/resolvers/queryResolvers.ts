import type { UpstreamClient } from '@lgsp/subgraph-kit';
import { listAlerts, listCameras } from '../upstream/cameras.js';
import { listAccidents, listIncidents } from '../upstream/incidents.js';
import type { BoundingBox, Period } from '../upstream/model.js';
import { checkBoundingBox, checkPeriod, checkRange, checkSince } from './arguments.js';
import type { PoliceContext } from './context.js';

interface UnitPeriodArgs {
  unitCode: string;
  period: Period;
}

interface ListArgs extends UnitPeriodArgs {
  page: number;
  pageSize: number;
  category?: string | null;
}

function listRequest(args: ListArgs) {
  return {
    unitCode: args.unitCode,
    period: checkPeriod(args.period),
    page: checkRange('page', args.page, 1, 100_000),
    pageSize: checkRange('pageSize', args.pageSize, 1, 100),
    category: args.category ?? null,
  };
}

/** Root fields: keyed reads go through the request's loaders, listings call the system directly. */
export function createQueryResolvers(client: UpstreamClient, now: () => number) {
  return {
    Query: {
      incidentStats: (_: unknown, args: UnitPeriodArgs, ctx: PoliceContext) =>
        ctx.loaders.incidentStatsByUnit.load({ unitCode: args.unitCode, period: checkPeriod(args.period) }),
      accidentStats: (_: unknown, args: UnitPeriodArgs, ctx: PoliceContext) =>
        ctx.loaders.accidentStatsByUnit.load({ unitCode: args.unitCode, period: checkPeriod(args.period) }),
      incidents: (_: unknown, args: ListArgs, ctx: PoliceContext) =>
        listIncidents(client, listRequest(args), ctx),
      accidents: (_: unknown, args: ListArgs, ctx: PoliceContext) =>
        listAccidents(client, listRequest(args), ctx),
      incident: (_: unknown, { id }: { id: string }, ctx: PoliceContext) => ctx.loaders.incidentById.load(id),
      accident: (_: unknown, { id }: { id: string }, ctx: PoliceContext) => ctx.loaders.accidentById.load(id),
      camera: (_: unknown, { id }: { id: string }, ctx: PoliceContext) => ctx.loaders.cameraById.load(id),
      cameras: async (
        _: unknown,
        args: { bbox?: BoundingBox | null; unitCode?: string | null; status?: string | null },
        ctx: PoliceContext,
      ) => {
        const cameras = await listCameras(
          client,
          {
            bbox: checkBoundingBox(args.bbox),
            unitCodes: args.unitCode ? [args.unitCode] : undefined,
            status: args.status ?? null,
          },
          ctx,
        );
        ctx.loaders.primeCameras(cameras);
        return cameras;
      },
      alerts: async (
        _: unknown,
        args: { since: string; minConfidence: number; first: number },
        ctx: PoliceContext,
      ) => {
        const nowMs = now();
        const sinceMs = checkSince(args.since, nowMs);
        if (sinceMs > nowMs) return [];
        return listAlerts(
          client,
          {
            sinceMs,
            minConfidence: checkRange('minConfidence', args.minConfidence, 0, 1),
            first: checkRange('first', args.first, 1, 500),
          },
          ctx,
        );
      },
    },
  };
}
