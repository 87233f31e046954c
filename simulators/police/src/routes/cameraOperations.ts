import type { CameraEventRecord, CameraEventType } from '../data/cameraEvents.js';
import type { CameraRecord } from '../data/cameras.js';
import type { PoliceData } from '../data/policeData.js';
import { knownUnitCodes } from '../data/unitScope.js';
import { cameraXml, eventXml } from './recordXml.js';
import {
  ClientFault,
  intParam,
  listParam,
  localTimeParam,
  numberParam,
  optionalList,
  textParam,
  type Params,
} from './soapRequest.js';

const MAX_UNITS = 500;
const MAX_CAMERAS = 500;
const MAX_EVENT_SPAN_MS = 31 * 86_400_000;
const MAX_ALERT_AGE_MS = 7 * 86_400_000;
const EVENT_TYPES: readonly string[] = ['CROWD', 'FIRE_SMOKE', 'TRAFFIC_VIOLATION'];

/** A camera counts towards its current commune, its former commune and district, and both provinces. */
function cameraInUnit(camera: CameraRecord, code: string): boolean {
  return (
    camera.communeCode === code ||
    camera.formerCommuneCode === code ||
    camera.formerDistrictCode === code ||
    code === '17' ||
    code === '25'
  );
}

function boundingBoxFilter(params: Params): (camera: CameraRecord) => boolean {
  const box = params['BoundingBox'];
  if (box === undefined || box === '') return () => true;
  if (typeof box !== 'object' || box === null) throw new ClientFault('BoundingBox must have four corners');
  const corner = (name: string): number => {
    const value = numberParam(box as Params, name);
    if (value === undefined) throw new ClientFault(`BoundingBox.${name} is required`);
    return value;
  };
  const [minLat, minLng, maxLat, maxLng] = ['MinLatitude', 'MinLongitude', 'MaxLatitude', 'MaxLongitude'].map(
    corner,
  );
  if (minLat! > maxLat! || minLng! > maxLng!) throw new ClientFault('BoundingBox minimum exceeds maximum');
  return (camera) =>
    camera.latitude >= minLat! &&
    camera.latitude <= maxLat! &&
    camera.longitude >= minLng! &&
    camera.longitude <= maxLng!;
}

export function listCameras(data: PoliceData, params: Params, nowMs: number): Params {
  const unitCodes = optionalList(params, 'UnitCodes', 'UnitCode', MAX_UNITS)?.filter((code) =>
    knownUnitCodes.has(code),
  );
  const status = textParam(params, 'Status');
  const inBox = boundingBoxFilter(params);
  const selected = data.cameras.filter(
    (camera) =>
      inBox(camera) &&
      (status === undefined || camera.status === status) &&
      (unitCodes === undefined || unitCodes.some((code) => cameraInUnit(camera, code))),
  );
  return {
    TotalCount: selected.length,
    Cameras: { Camera: selected.map((camera) => cameraXml(camera, nowMs)) },
    // Which of the returned cameras belong to each unit asked for (a camera may belong to several).
    Units: {
      UnitCameras: (unitCodes ?? []).map((code) => ({
        UnitCode: code,
        CameraIds: { Id: selected.filter((camera) => cameraInUnit(camera, code)).map((camera) => camera.id) },
      })),
    },
  };
}

export function getCameras(data: PoliceData, params: Params, nowMs: number): Params {
  const ids = listParam(params, 'CameraIds', 'CameraId', MAX_CAMERAS);
  const found = ids.flatMap((id) => data.cameraById.get(id) ?? []);
  return { Cameras: { Camera: found.map((camera) => cameraXml(camera, nowMs)) } };
}

export function getCameraEvents(data: PoliceData, params: Params, nowMs: number): Params {
  const ids = listParam(params, 'CameraIds', 'CameraId', MAX_CAMERAS).filter((id) => data.cameraById.has(id));
  const fromMs = localTimeParam(params, 'FromTime');
  const toMs = localTimeParam(params, 'ToTime');
  if (fromMs > toMs) throw new ClientFault('FromTime is after ToTime');
  if (toMs - fromMs > MAX_EVENT_SPAN_MS) throw new ClientFault('The period may span at most 31 days');
  const type = textParam(params, 'EventType');
  if (type !== undefined && !EVENT_TYPES.includes(type))
    throw new ClientFault('EventType is not a known type');
  const maxPerCamera = intParam(params, 'MaxPerCamera', 100, 1, 1000);
  const perCamera = new Map<string, CameraEventRecord[]>(ids.map((id) => [id, []]));
  // The period's end date is inclusive, like every period of the service.
  for (const event of data.events.between(fromMs, toMs + 1000, nowMs)) {
    if (type === undefined || event.type === (type as CameraEventType))
      perCamera.get(event.cameraId)?.push(event);
  }
  return {
    CameraEventLists: {
      CameraEventList: [...perCamera].map(([cameraId, events]) => ({
        CameraId: cameraId,
        TotalCount: events.length,
        Events: { CameraEvent: events.reverse().slice(0, maxPerCamera).map(eventXml) },
      })),
    },
  };
}

function severityOf(event: CameraEventRecord): string {
  if (event.type === 'FIRE_SMOKE') return event.confidence >= 0.9 ? 'KHAN_CAP' : 'CAO';
  if (event.type === 'CROWD') return (event.objectCount ?? 0) >= 250 ? 'CAO' : 'TRUNG_BINH';
  return 'THAP';
}

function messageOf(event: CameraEventRecord, camera: CameraRecord | undefined): string {
  const where = camera?.name ?? event.cameraId;
  if (event.type === 'FIRE_SMOKE') return `Phát hiện khói, lửa tại ${where}`;
  if (event.type === 'CROWD')
    return `Phát hiện tụ tập đông người (khoảng ${event.objectCount ?? 0} người) tại ${where}`;
  return `Phương tiện vi phạm: ${event.violation?.name ?? 'vi phạm giao thông'} tại ${where}`;
}

export function listAlerts(data: PoliceData, params: Params, nowMs: number): Params {
  const sinceMs = localTimeParam(params, 'SinceTime');
  if (nowMs - sinceMs > MAX_ALERT_AGE_MS) throw new ClientFault('SinceTime may be at most 7 days ago');
  const minConfidence = numberParam(params, 'MinConfidence') ?? 0.85;
  const maxRecords = intParam(params, 'MaxRecords', 100, 1, 500);
  const alerts = data.events
    .between(sinceMs, nowMs, nowMs)
    .filter((event) => event.confidence >= minConfidence)
    .reverse()
    .slice(0, maxRecords);
  return {
    TotalCount: alerts.length,
    Alerts: {
      Alert: alerts.map((event) => {
        const camera = data.cameraById.get(event.cameraId);
        return {
          AlertId: `AL-${event.id.slice(3)}`,
          Severity: severityOf(event),
          // Operators acknowledge alerts within minutes; the newest ones are still open.
          Status: nowMs - event.instantMs > 20 * 60_000 ? 'DA_XAC_NHAN' : 'MOI',
          Message: messageOf(event, camera),
          CommuneCode: camera?.communeCode,
          Event: eventXml(event),
        };
      }),
    },
  };
}
