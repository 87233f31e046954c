import { generateAccidents, type AccidentRecord } from './accidents.js';
import { createCameraEventSource, type CameraEventSource } from './cameraEvents.js';
import { generateCameras, type CameraRecord } from './cameras.js';
import { generateIncidents, type IncidentRecord } from './incidents.js';

/** Everything the simulated police system holds, generated once from the seed. */
export interface PoliceData {
  incidents: readonly IncidentRecord[];
  incidentById: ReadonlyMap<string, IncidentRecord>;
  accidents: readonly AccidentRecord[];
  accidentById: ReadonlyMap<string, AccidentRecord>;
  cameras: readonly CameraRecord[];
  cameraById: ReadonlyMap<string, CameraRecord>;
  events: CameraEventSource;
}

export function createPoliceData(seed: number): PoliceData {
  const incidents = generateIncidents(seed);
  const accidents = generateAccidents(seed);
  const cameras = generateCameras(seed);
  return {
    incidents,
    incidentById: new Map(incidents.map((incident) => [incident.id, incident])),
    accidents,
    accidentById: new Map(accidents.map((accident) => [accident.id, accident])),
    cameras,
    cameraById: new Map(cameras.map((camera) => [camera.id, camera])),
    events: createCameraEventSource(seed, cameras),
  };
}
