import type {
  Alert,
  Camera,
  CameraEvent,
  Period,
  SecurityIncident,
  TrafficAccident,
} from '../upstream/model.js';
import { checkPeriod, checkRange, MAX_EVENT_PERIOD_DAYS } from './arguments.js';
import type { PoliceContext } from './context.js';

const unitOf = (record: { unitCode: string | null }) => (record.unitCode ? { code: record.unitCode } : null);

/**
 * The entities: `AdministrativeUnit` (owned by catalog; its reference needs nothing but the key) and the police's
 * own `SecurityIncident`, `TrafficAccident` and `Camera`, each resolved through the request's loaders.
 */
export const entityResolvers = {
  AdministrativeUnit: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
    incidentStats: (unit: { code: string }, args: { period: Period }, ctx: PoliceContext) =>
      ctx.loaders.incidentStatsByUnit.load({ unitCode: unit.code, period: checkPeriod(args.period) }),
    accidentStats: (unit: { code: string }, args: { period: Period }, ctx: PoliceContext) =>
      ctx.loaders.accidentStatsByUnit.load({ unitCode: unit.code, period: checkPeriod(args.period) }),
    cameras: (unit: { code: string }, args: { status?: string | null }, ctx: PoliceContext) =>
      ctx.loaders.camerasByUnit.load({ unitCode: unit.code, status: args.status ?? null }),
    cameraCount: async (unit: { code: string }, args: { status?: string | null }, ctx: PoliceContext) =>
      ((await ctx.loaders.camerasByUnit.load({ unitCode: unit.code, status: args.status ?? null })) ?? [])
        .length,
  },
  SecurityIncident: {
    __resolveReference: (reference: { id: string }, ctx: PoliceContext) =>
      ctx.loaders.incidentById.load(reference.id),
    unit: (incident: SecurityIncident) => unitOf(incident),
  },
  TrafficAccident: {
    __resolveReference: (reference: { id: string }, ctx: PoliceContext) =>
      ctx.loaders.accidentById.load(reference.id),
    unit: (accident: TrafficAccident) => unitOf(accident),
  },
  Camera: {
    __resolveReference: (reference: { id: string }, ctx: PoliceContext) =>
      ctx.loaders.cameraById.load(reference.id),
    unit: (camera: Camera) => unitOf(camera),
    events: (
      camera: Camera,
      args: { period: Period; type?: string | null; first: number },
      ctx: PoliceContext,
    ) =>
      ctx.loaders.eventsByCamera.load({
        cameraId: camera.id,
        // Built in one place with a fixed key order: the loader groups cameras by this object's JSON.
        query: {
          period: checkPeriod(args.period, MAX_EVENT_PERIOD_DAYS),
          type: args.type ?? null,
          first: checkRange('first', args.first, 1, 1000),
        },
      }),
  },
  CameraEvent: {
    camera: (event: CameraEvent, _: unknown, ctx: PoliceContext) =>
      ctx.loaders.cameraById.load(event.cameraId),
  },
  Alert: {
    unit: (alert: Alert) => unitOf(alert),
  },
};
