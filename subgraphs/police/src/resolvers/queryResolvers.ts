import type { UpstreamClient } from '@lgsp/subgraph-kit';
import { listAlerts, listCameras } from '../upstream/cameras.js';
import { listAccidents, listIncidents } from '../upstream/incidents.js';
import { badInput } from '../upstream/errors.js';
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
  // OTHER gathers codes this schema does not know yet; the police system cannot filter on "none of the known ones".
  if (args.category === 'OTHER') throw badInput('category OTHER cannot be used as a filter');
  return {
    unitCode: args.unitCode,
    period: checkPeriod(args.period),
    page: checkRange('page', args.page, 1, 100_000),
    pageSize: checkRange('pageSize', args.pageSize, 1, 100),
    category: args.category ?? null,
  };
}

interface CamerasArgs {
  bbox?: BoundingBox | null;
  unitCode?: string | null;
  status?: string | null;
}

interface AlertsArgs {
  since: string;
  minConfidence: number;
  first: number;
}

/** The map layer; the listed cameras are primed so that later references to them cost nothing. */
async function camerasOnMap(client: UpstreamClient, args: CamerasArgs, ctx: PoliceContext) {
  const filter = {
    bbox: checkBoundingBox(args.bbox),
    unitCodes: args.unitCode ? [args.unitCode] : undefined,
    status: args.status ?? null,
  };
  const cameras = await listCameras(client, filter, ctx);
  ctx.loaders.primeCameras(cameras);
  return cameras;
}

async function recentAlerts(client: UpstreamClient, nowMs: number, args: AlertsArgs, ctx: PoliceContext) {
  const sinceMs = checkSince(args.since, nowMs);
  if (sinceMs > nowMs) return [];
  const minConfidence = checkRange('minConfidence', args.minConfidence, 0, 1);
  return listAlerts(client, { sinceMs, minConfidence, first: checkRange('first', args.first, 1, 500) }, ctx);
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
      cameras: (_: unknown, args: CamerasArgs, ctx: PoliceContext) => camerasOnMap(client, args, ctx),
      alerts: (_: unknown, args: AlertsArgs, ctx: PoliceContext) => recentAlerts(client, now(), args, ctx),
    },
  };
}
