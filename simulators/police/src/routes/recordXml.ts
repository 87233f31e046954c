import type { AccidentRecord } from '../data/accidents.js';
import type { CameraEventRecord } from '../data/cameraEvents.js';
import type { CameraRecord } from '../data/cameras.js';
import type { IncidentRecord } from '../data/incidents.js';
import { localDateTime } from '../data/time.js';

// The service's element names (an older .NET service: PascalCase elements, Vietnamese code lists, local times).

export function incidentXml(incident: IncidentRecord): Record<string, unknown> {
  return {
    IncidentId: incident.id,
    CategoryCode: incident.category.code,
    CategoryName: incident.category.name,
    Summary: incident.summary,
    OccurredAt: incident.occurredAt,
    ReportedAt: incident.reportedAt,
    CommuneCode: incident.scope.communeCode,
    DistrictCode: incident.scope.districtCode,
    ProvinceCode: incident.scope.provinceCode,
    PlaceName: incident.placeName,
    SceneAddress: incident.sceneAddress,
    Latitude: incident.latitude.toFixed(5),
    Longitude: incident.longitude.toFixed(5),
    StatusCode: incident.status.code,
    StatusName: incident.status.name,
    DamageAmount: incident.damageVnd,
    HandlingUnit: incident.handlingUnit,
    Persons: {
      Person: incident.persons.map((person) => ({
        Role: person.role,
        FullName: person.fullName,
        IdNumber: person.idNumber,
      })),
    },
  };
}

export function accidentXml(accident: AccidentRecord): Record<string, unknown> {
  return {
    AccidentId: accident.id,
    OccurredAt: accident.occurredAt,
    CommuneCode: accident.scope.communeCode,
    DistrictCode: accident.scope.districtCode,
    ProvinceCode: accident.scope.provinceCode,
    RoadName: accident.roadName,
    KmMarker: accident.kmMarker,
    Latitude: accident.latitude.toFixed(5),
    Longitude: accident.longitude.toFixed(5),
    Deaths: accident.deaths,
    Injuries: accident.injuries,
    VehicleCount: accident.vehicles.length,
    CauseCode: accident.cause.code,
    CauseName: accident.cause.name,
    Summary: accident.summary,
    PropertyDamage: accident.propertyDamageVnd,
    HandlingUnit: accident.handlingUnit,
    Vehicles: {
      Vehicle: accident.vehicles.map((vehicle) => ({
        VehicleType: vehicle.kind,
        PlateNumber: vehicle.plateNumber,
        DriverName: vehicle.driverName,
      })),
    },
  };
}

export function cameraXml(camera: CameraRecord, nowMs: number): Record<string, unknown> {
  const heartbeat = nowMs - (nowMs % 60_000) - camera.silentHours * 3_600_000;
  return {
    CameraId: camera.id,
    CameraName: camera.name,
    SiteType: camera.siteType,
    Address: camera.address,
    CommuneCode: camera.communeCode,
    FormerCommuneCode: camera.formerCommuneCode,
    FormerDistrictCode: camera.formerDistrictCode,
    Latitude: camera.latitude.toFixed(5),
    Longitude: camera.longitude.toFixed(5),
    Status: camera.status,
    Capabilities: { Capability: camera.capabilities },
    InstalledDate: camera.installedOn,
    LastHeartbeat: localDateTime(new Date(heartbeat)),
    Model: camera.model,
    ManagingUnit: camera.managingUnit,
  };
}

export function eventXml(event: CameraEventRecord): Record<string, unknown> {
  return {
    EventId: event.id,
    CameraId: event.cameraId,
    EventType: event.type,
    EventTime: event.time,
    Confidence: event.confidence.toFixed(2),
    SnapshotUrl: event.snapshotUrl,
    PlateNumber: event.plateNumber,
    ViolationCode: event.violation?.code,
    ViolationName: event.violation?.name,
    ObjectCount: event.objectCount,
  };
}
