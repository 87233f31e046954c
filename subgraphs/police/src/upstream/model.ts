// The police subgraph's own view of the system's records, shaped like the GraphQL types (mapping.ts builds them).

export interface Period {
  from: string;
  to: string;
}

export interface CategoryCount {
  category: string;
  label: string;
  count: number;
}

export interface IncidentStats extends Period {
  unitCode: string;
  total: number;
  resolved: number;
  prosecuted: number;
  resolutionRate: number | null;
  damageVnd: number;
  byCategory: CategoryCount[];
}

export interface AccidentStats extends Period {
  unitCode: string;
  accidents: number;
  deaths: number;
  injuries: number;
  vehiclesInvolved: number;
  propertyDamageVnd: number;
}

export interface InvolvedPerson {
  role: string;
  fullName: string | null;
  cccd: string | null;
}

export interface SecurityIncident {
  id: string;
  category: string;
  categoryLabel: string;
  summary: string;
  occurredAt: string;
  reportedAt: string;
  status: string;
  statusLabel: string;
  unitCode: string;
  placeName: string;
  sceneAddress: string | null;
  location: string | null;
  damageVnd: number | null;
  handlingUnit: string;
  involvedPersons: InvolvedPerson[];
}

export interface AccidentVehicle {
  type: string;
  typeLabel: string;
  plateNumber: string | null;
  driverName: string | null;
}

export interface TrafficAccident {
  id: string;
  occurredAt: string;
  unitCode: string;
  roadName: string;
  kmMarker: string | null;
  location: string | null;
  deaths: number;
  injuries: number;
  cause: string;
  causeLabel: string;
  summary: string;
  propertyDamageVnd: number;
  handlingUnit: string;
  vehicles: AccidentVehicle[];
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  page: number;
  pageSize: number;
  hasNextPage: boolean;
}

export interface Camera {
  id: string;
  name: string;
  siteType: string;
  address: string;
  location: { latitude: number; longitude: number };
  unitCode: string;
  formerUnitCode: string | null;
  status: string;
  capabilities: string[];
  installedOn: string | null;
  lastHeartbeatAt: string | null;
  model: string | null;
  managingUnit: string;
}

export interface CameraEvent {
  id: string;
  type: string;
  occurredAt: string;
  confidence: number;
  snapshotRef: string | null;
  plateNumber: string | null;
  violation: string | null;
  violationLabel: string | null;
  crowdSize: number | null;
  cameraId: string;
}

export interface Alert {
  id: string;
  severity: string;
  status: string;
  message: string;
  raisedAt: string;
  unitCode: string | null;
  event: CameraEvent;
}

/** A camera listing for units: the cameras once, and which of them belong to each unit asked for. */
export interface CamerasByUnit {
  cameras: Camera[];
  idsByUnit: Map<string, string[]>;
}

export interface BoundingBox {
  minLatitude: number;
  minLongitude: number;
  maxLatitude: number;
  maxLongitude: number;
}
