import { alignByKey, type UpstreamClient } from '@lgsp/subgraph-kit';
import { readPolice, type CallContext } from './client.js';
import {
  cameraEventsRequest,
  getCamerasRequest,
  listAlertsRequest,
  listCamerasRequest,
  readAlerts,
  readCameraEvents,
  readCameraListing,
  readCameras,
  type CameraFilter,
  type EventQuery,
} from './mapping.js';
import type { Alert, Camera, CameraEvent } from './model.js';

/** Cameras by id in one call, in key order; `null` for an unknown id. */
export async function fetchCameras(
  client: UpstreamClient,
  ids: readonly string[],
  context: CallContext,
): Promise<(Camera | null)[]> {
  const body = await readPolice(client, getCamerasRequest(ids), context);
  return alignByKey(ids, readCameras(body), (camera) => camera.id);
}

export async function fetchCamera(
  client: UpstreamClient,
  id: string,
  context: CallContext,
): Promise<Camera | null> {
  return (await fetchCameras(client, [id], context))[0] ?? null;
}

/** The map layer: cameras in a bounding box and/or unit, with a status. */
export async function listCameras(
  client: UpstreamClient,
  filter: CameraFilter,
  context: CallContext,
): Promise<Camera[]> {
  return readCameraListing(await readPolice(client, listCamerasRequest(filter), context)).cameras;
}

/** The cameras of many units in one call, in key order; an unknown unit has none. */
export async function fetchCamerasByUnit(
  client: UpstreamClient,
  unitCodes: readonly string[],
  status: string | null,
  context: CallContext,
): Promise<Camera[][]> {
  const listing = readCameraListing(
    await readPolice(client, listCamerasRequest({ unitCodes, status }), context),
  );
  const byId = new Map(listing.cameras.map((camera) => [camera.id, camera]));
  return unitCodes.map((code) => (listing.idsByUnit.get(code) ?? []).flatMap((id) => byId.get(id) ?? []));
}

/** The events of many cameras in one call, in key order, newest first; an unknown camera has none. */
export async function fetchCameraEvents(
  client: UpstreamClient,
  cameraIds: readonly string[],
  query: EventQuery,
  context: CallContext,
): Promise<CameraEvent[][]> {
  const events = readCameraEvents(await readPolice(client, cameraEventsRequest(cameraIds, query), context));
  return cameraIds.map((id) => events.get(id) ?? []);
}

/** Live alerts since an instant, newest first. */
export async function listAlerts(
  client: UpstreamClient,
  query: { sinceMs: number; minConfidence: number; first: number },
  context: CallContext,
): Promise<Alert[]> {
  const body = await readPolice(
    client,
    listAlertsRequest(query.sinceMs, query.minConfidence, query.first),
    context,
  );
  return readAlerts(body);
}
