// The IOC workload's operations: the unit dashboard across the five subgraphs and the map layer. Fields that move
// with the wall clock (air quality now, latest readings) are left out, so one run has one right answer.
export const dashboardQuery = `
query UnitDashboard($code: ID!, $period: PeriodInput!) {
  administrativeUnit(code: $code) {
    code
    name
    level
    dossierStats(period: $period) { received inProgress inProgressOverdue resolvedOnTime resolvedLate onTimeRate }
    serviceIndex(period: $period) { total }
    citizenReportStats(period: $period) { __typename }
    bedOccupancy { facilities beds occupiedBeds occupancyRate }
    incidentStats(period: $period) { total resolved resolutionRate }
    accidentStats(period: $period) { accidents deaths injuries }
    cameraCount
    healthFacilities { id name }
    monitoringStations { id name type }
  }
}`;

export const mapLayerQuery = `
query MapLayer($bbox: BoundingBoxInput!) {
  cameras(bbox: $bbox) { id name status location { latitude longitude } unit { code name } }
  monitoringStations(first: 50) {
    nodes { id name type location { latitude longitude } unit { code name } }
  }
}`;
