// The only file that knows the police system's names: its SOAP operations and element names.
import { parseUpstreamPayload, type SoapRequest } from '@lgsp/subgraph-kit';
import { z } from 'zod';
import type * as M from './model.js';
import {
  alertStatuses,
  capabilities,
  categories,
  causes,
  roles,
  severities,
  sites,
  statuses,
  vehicles,
  violations,
} from './codeLists.js';
import {
  date,
  decimal,
  fromCode,
  int,
  list,
  localTime,
  optionalInt,
  optionalText,
  text,
} from './xmlValues.js';

export const POLICE_UPSTREAM = 'police';
export const POLICE_SERVICE_PATH = '/soap/PoliceService';
const NAMESPACE = 'http://ws.congan.hoabinh.gov.vn/PoliceService';

/** Elements that may repeat in the service's answers (parsed as arrays even when one occurs). */
export const policeArrayElements = [
  'UnitStatistics',
  'CategoryCount',
  'Incident',
  'Person',
  'Accident',
  'Vehicle',
  'Camera',
  'Capability',
  'UnitCameras',
  'Id',
  'CameraEventList',
  'CameraEvent',
  'Alert',
];

/** The system's two coordinate elements as the schema's `latitude,longitude` text. */
const coordinates = (raw: { Latitude?: string; Longitude?: string }) =>
  raw.Latitude && raw.Longitude ? `${raw.Latitude},${raw.Longitude}` : null;

const rawStats = z.object({ UnitCode: text, FromDate: date, ToDate: date });
const rawIncidentStats = rawStats.extend({
  TotalIncidents: int,
  ResolvedIncidents: int,
  ProsecutedIncidents: int,
  TotalDamage: decimal,
  ByCategory: list(
    'CategoryCount',
    z.object({ CategoryCode: fromCode(categories, 'OTHER'), CategoryName: text, Count: int }),
  ),
});
const rawAccidentStats = rawStats.extend({
  AccidentCount: int,
  Deaths: int,
  Injuries: int,
  VehiclesInvolved: int,
  PropertyDamage: decimal,
});
const rawPerson = z.object({ Role: fromCode(roles), FullName: optionalText, IdNumber: optionalText });
const rawIncident = z.object({
  IncidentId: text,
  CategoryCode: fromCode(categories, 'OTHER'),
  CategoryName: text,
  Summary: text,
  OccurredAt: localTime,
  ReportedAt: localTime,
  CommuneCode: text,
  PlaceName: text,
  SceneAddress: optionalText,
  Latitude: z.string().optional(),
  Longitude: z.string().optional(),
  StatusCode: fromCode(statuses),
  StatusName: text,
  DamageAmount: optionalInt,
  HandlingUnit: text,
  Persons: list('Person', rawPerson),
});
const rawVehicle = z.object({ VehicleType: text, PlateNumber: optionalText, DriverName: optionalText });
const rawAccident = z.object({
  AccidentId: text,
  OccurredAt: localTime,
  CommuneCode: text,
  RoadName: text,
  KmMarker: optionalText,
  Latitude: z.string().optional(),
  Longitude: z.string().optional(),
  Deaths: int,
  Injuries: int,
  CauseCode: fromCode(causes, 'OTHER'),
  CauseName: text,
  Summary: text,
  PropertyDamage: decimal,
  HandlingUnit: text,
  Vehicles: list('Vehicle', rawVehicle),
});
const rawCamera = z.object({
  CameraId: text,
  CameraName: text,
  SiteType: fromCode(sites, 'OTHER'),
  Address: text,
  CommuneCode: text,
  FormerCommuneCode: optionalText,
  Latitude: decimal,
  Longitude: decimal,
  Status: z.enum(['ONLINE', 'OFFLINE', 'MAINTENANCE']),
  Capabilities: list('Capability', text),
  InstalledDate: date.optional(),
  LastHeartbeat: localTime.optional(),
  Model: optionalText,
  ManagingUnit: text,
});
const rawEvent = z.object({
  EventId: text,
  CameraId: text,
  EventType: z.enum(['CROWD', 'FIRE_SMOKE', 'TRAFFIC_VIOLATION']),
  EventTime: localTime,
  Confidence: decimal,
  SnapshotUrl: optionalText,
  PlateNumber: optionalText,
  ViolationCode: optionalText,
  ViolationName: optionalText,
  ObjectCount: optionalInt,
});
const rawAlert = z.object({
  AlertId: text,
  Severity: fromCode(severities),
  Status: fromCode(alertStatuses),
  Message: text,
  CommuneCode: optionalText,
  Event: rawEvent,
});
const rawPage = { TotalCount: int, PageIndex: int, PageSize: int };

// --- raw → model ---
function toIncident(raw: z.output<typeof rawIncident>): M.SecurityIncident {
  return {
    id: raw.IncidentId,
    category: raw.CategoryCode,
    categoryLabel: raw.CategoryName,
    summary: raw.Summary,
    occurredAt: raw.OccurredAt,
    reportedAt: raw.ReportedAt,
    status: raw.StatusCode,
    statusLabel: raw.StatusName,
    unitCode: raw.CommuneCode,
    placeName: raw.PlaceName,
    sceneAddress: raw.SceneAddress,
    location: coordinates(raw),
    damageVnd: raw.DamageAmount,
    handlingUnit: raw.HandlingUnit,
    involvedPersons: raw.Persons.map((p) => ({ role: p.Role, fullName: p.FullName, cccd: p.IdNumber })),
  };
}

function toAccident(raw: z.output<typeof rawAccident>): M.TrafficAccident {
  return {
    id: raw.AccidentId,
    occurredAt: raw.OccurredAt,
    unitCode: raw.CommuneCode,
    roadName: raw.RoadName,
    kmMarker: raw.KmMarker,
    location: coordinates(raw),
    deaths: raw.Deaths,
    injuries: raw.Injuries,
    cause: raw.CauseCode,
    causeLabel: raw.CauseName,
    summary: raw.Summary,
    propertyDamageVnd: raw.PropertyDamage,
    handlingUnit: raw.HandlingUnit,
    vehicles: raw.Vehicles.map((v) => {
      const [type, typeLabel] = vehicles[v.VehicleType] ?? ['OTHER', v.VehicleType];
      return { type, typeLabel, plateNumber: v.PlateNumber, driverName: v.DriverName };
    }),
  };
}

function toCamera(raw: z.output<typeof rawCamera>): M.Camera {
  return {
    id: raw.CameraId,
    name: raw.CameraName,
    siteType: raw.SiteType,
    address: raw.Address,
    location: { latitude: raw.Latitude, longitude: raw.Longitude },
    unitCode: raw.CommuneCode,
    formerUnitCode: raw.FormerCommuneCode,
    status: raw.Status,
    capabilities: raw.Capabilities.flatMap((code) => capabilities[code] ?? []),
    installedOn: raw.InstalledDate ?? null,
    lastHeartbeatAt: raw.LastHeartbeat ?? null,
    model: raw.Model,
    managingUnit: raw.ManagingUnit,
  };
}

function toEvent(raw: z.output<typeof rawEvent>): M.CameraEvent {
  return {
    id: raw.EventId,
    type: raw.EventType,
    occurredAt: raw.EventTime,
    confidence: raw.Confidence,
    snapshotRef: raw.SnapshotUrl,
    plateNumber: raw.PlateNumber,
    violation: raw.ViolationCode === null ? null : (violations[raw.ViolationCode] ?? 'OTHER'),
    violationLabel: raw.ViolationName,
    crowdSize: raw.ObjectCount,
    cameraId: raw.CameraId,
  };
}

/** The `<Operation>Result` of a response body, checked against `schema` (missing or wrong → malformed). */
function result<T extends z.ZodType>(
  body: Record<string, unknown>,
  operation: string,
  schema: T,
): z.output<T> {
  const response = z.object({ [`${operation}Response`]: z.object({ [`${operation}Result`]: schema }) });
  const parsed = parseUpstreamPayload(POLICE_UPSTREAM, response, body) as Record<
    string,
    Record<string, z.output<T>>
  >;
  return parsed[`${operation}Response`]![`${operation}Result`]!;
}

const pageOf = <T>(
  raw: { TotalCount: number; PageIndex: number; PageSize: number },
  items: T[],
): M.Page<T> => ({
  items,
  totalCount: raw.TotalCount,
  page: raw.PageIndex,
  pageSize: raw.PageSize,
  hasNextPage: raw.PageIndex * raw.PageSize < raw.TotalCount,
});

// --- requests and readers, one pair per operation ---
const call = (operation: string, params: Record<string, unknown>): SoapRequest => ({
  operation,
  namespace: NAMESPACE,
  params,
});
const periodParams = (period: M.Period) => ({ FromDate: period.from, ToDate: period.to });
const reverseCode = (codes: Record<string, string>, value: string) =>
  Object.keys(codes).find((code) => codes[code] === value);

export const incidentStatisticsRequest = (unitCodes: readonly string[], period: M.Period) =>
  call('GetIncidentStatistics', { UnitCodes: { UnitCode: [...unitCodes] }, ...periodParams(period) });
export const readIncidentStatistics = (body: Record<string, unknown>): M.IncidentStats[] =>
  result(body, 'GetIncidentStatistics', list('UnitStatistics', rawIncidentStats)).map((raw) => ({
    unitCode: raw.UnitCode,
    from: raw.FromDate,
    to: raw.ToDate,
    total: raw.TotalIncidents,
    resolved: raw.ResolvedIncidents,
    prosecuted: raw.ProsecutedIncidents,
    resolutionRate:
      raw.TotalIncidents === 0
        ? null
        : Math.round((raw.ResolvedIncidents / raw.TotalIncidents) * 1000) / 1000,
    damageVnd: raw.TotalDamage,
    byCategory: raw.ByCategory.map((c) => ({
      category: c.CategoryCode,
      label: c.CategoryName,
      count: c.Count,
    })).sort((a, b) => b.count - a.count),
  }));

export const accidentStatisticsRequest = (unitCodes: readonly string[], period: M.Period) =>
  call('GetAccidentStatistics', { UnitCodes: { UnitCode: [...unitCodes] }, ...periodParams(period) });
export const readAccidentStatistics = (body: Record<string, unknown>): M.AccidentStats[] =>
  result(body, 'GetAccidentStatistics', list('UnitStatistics', rawAccidentStats)).map((raw) => ({
    unitCode: raw.UnitCode,
    from: raw.FromDate,
    to: raw.ToDate,
    accidents: raw.AccidentCount,
    deaths: raw.Deaths,
    injuries: raw.Injuries,
    vehiclesInvolved: raw.VehiclesInvolved,
    propertyDamageVnd: raw.PropertyDamage,
  }));

export interface ListRequest {
  unitCode: string;
  period: M.Period;
  page: number;
  pageSize: number;
  category?: string | null;
}
export const listIncidentsRequest = (args: ListRequest) =>
  call('ListIncidents', {
    UnitCode: args.unitCode,
    ...periodParams(args.period),
    CategoryCode: args.category ? reverseCode(categories, args.category) : undefined,
    PageIndex: args.page,
    PageSize: args.pageSize,
  });
export const readIncidentPage = (body: Record<string, unknown>): M.Page<M.SecurityIncident> => {
  const raw = result(
    body,
    'ListIncidents',
    z.object({ ...rawPage, Incidents: list('Incident', rawIncident) }),
  );
  return pageOf(raw, raw.Incidents.map(toIncident));
};
export const getIncidentsRequest = (ids: readonly string[]) =>
  call('GetIncident', { IncidentIds: { IncidentId: [...ids] } });
export const readIncidents = (body: Record<string, unknown>): M.SecurityIncident[] =>
  result(body, 'GetIncident', z.object({ Incidents: list('Incident', rawIncident) })).Incidents.map(
    toIncident,
  );

export const listAccidentsRequest = (args: ListRequest) =>
  call('ListAccidents', {
    UnitCode: args.unitCode,
    ...periodParams(args.period),
    PageIndex: args.page,
    PageSize: args.pageSize,
  });
export const readAccidentPage = (body: Record<string, unknown>): M.Page<M.TrafficAccident> => {
  const raw = result(
    body,
    'ListAccidents',
    z.object({ ...rawPage, Accidents: list('Accident', rawAccident) }),
  );
  return pageOf(raw, raw.Accidents.map(toAccident));
};
export const getAccidentsRequest = (ids: readonly string[]) =>
  call('GetAccident', { AccidentIds: { AccidentId: [...ids] } });
export const readAccidents = (body: Record<string, unknown>): M.TrafficAccident[] =>
  result(body, 'GetAccident', z.object({ Accidents: list('Accident', rawAccident) })).Accidents.map(
    toAccident,
  );

export interface CameraFilter {
  unitCodes?: readonly string[];
  bbox?: M.BoundingBox | null;
  status?: string | null;
}
export const listCamerasRequest = (filter: CameraFilter) =>
  call('ListCameras', {
    UnitCodes: filter.unitCodes ? { UnitCode: [...filter.unitCodes] } : undefined,
    BoundingBox: filter.bbox
      ? {
          MinLatitude: filter.bbox.minLatitude,
          MinLongitude: filter.bbox.minLongitude,
          MaxLatitude: filter.bbox.maxLatitude,
          MaxLongitude: filter.bbox.maxLongitude,
        }
      : undefined,
    Status: filter.status ?? undefined,
  });
export const readCameraListing = (body: Record<string, unknown>): M.CamerasByUnit => {
  const unitCameras = z.object({ UnitCode: text, CameraIds: list('Id', text) });
  const raw = result(
    body,
    'ListCameras',
    z.object({ Cameras: list('Camera', rawCamera), Units: list('UnitCameras', unitCameras) }),
  );
  return {
    cameras: raw.Cameras.map(toCamera),
    idsByUnit: new Map(raw.Units.map((unit) => [unit.UnitCode, unit.CameraIds])),
  };
};
export const getCamerasRequest = (ids: readonly string[]) =>
  call('GetCameras', { CameraIds: { CameraId: [...ids] } });
export const readCameras = (body: Record<string, unknown>): M.Camera[] =>
  result(body, 'GetCameras', z.object({ Cameras: list('Camera', rawCamera) })).Cameras.map(toCamera);

export interface EventQuery {
  period: M.Period;
  type?: string | null;
  first: number;
}
export const cameraEventsRequest = (cameraIds: readonly string[], query: EventQuery) =>
  call('GetCameraEvents', {
    CameraIds: { CameraId: [...cameraIds] },
    FromTime: `${query.period.from}T00:00:00`,
    ToTime: `${query.period.to}T23:59:59`,
    EventType: query.type ?? undefined,
    MaxPerCamera: query.first,
  });
export const readCameraEvents = (body: Record<string, unknown>): Map<string, M.CameraEvent[]> => {
  const eventList = z.object({ CameraId: text, Events: list('CameraEvent', rawEvent) });
  const raw = result(
    body,
    'GetCameraEvents',
    z.object({ CameraEventLists: list('CameraEventList', eventList) }),
  );
  return new Map(raw.CameraEventLists.map((entry) => [entry.CameraId, entry.Events.map(toEvent)]));
};

/** `since` is an instant; the system takes Vietnam local time. */
export const listAlertsRequest = (sinceMs: number, minConfidence: number, first: number) =>
  call('ListAlerts', {
    SinceTime: new Date(sinceMs + 7 * 3_600_000).toISOString().slice(0, 19),
    MinConfidence: minConfidence,
    MaxRecords: first,
  });
export const readAlerts = (body: Record<string, unknown>): M.Alert[] =>
  result(body, 'ListAlerts', z.object({ Alerts: list('Alert', rawAlert) })).Alerts.map((raw) => ({
    id: raw.AlertId,
    severity: raw.Severity,
    status: raw.Status,
    message: raw.Message,
    raisedAt: raw.Event.EventTime,
    unitCode: raw.CommuneCode,
    event: toEvent(raw.Event),
  }));
