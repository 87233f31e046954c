/* eslint-disable */
import * as types from './graphql.js';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'query DistrictDashboard($code: ID!, $period: PeriodInput!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    level\n    isCurrent\n    dossierStats(period: $period) {\n      received\n      inProgress\n      inProgressOverdue\n      resolvedOnTime\n      resolvedLate\n      onTimeRate\n      onlineShare\n    }\n    serviceIndex(period: $period) {\n      total\n    }\n    citizenReportStats(period: $period) {\n      total\n      open\n      overdue\n      onTimeRate\n    }\n    airQuality {\n      value\n      band\n      label\n      colour {\n        hex\n      }\n    }\n    bedOccupancy {\n      date\n      beds\n      occupiedBeds\n      occupancyRate\n    }\n    incidentStats(period: $period) {\n      total\n      resolved\n      resolutionRate\n    }\n    accidentStats(period: $period) {\n      accidents\n      deaths\n      injuries\n    }\n    cameraCount\n  }\n}\n\nquery UnitChildren($code: ID!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    children {\n      code\n      name\n      kind\n    }\n  }\n}': typeof types.DistrictDashboardDocument;
  'query DiseasePanel($code: ID!, $disease: Disease!, $weeks: Int = 8) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    diseaseCases(disease: $disease, weeks: $weeks) {\n      isoWeek\n      weekStart\n      cases\n      hospitalised\n      deaths\n    }\n  }\n  notifiableDiseases {\n    disease\n    name\n  }\n}': typeof types.DiseasePanelDocument;
  'query MapLayers($unitCode: ID!) {\n  monitoringStations(unitCode: $unitCode, first: 200) {\n    nodes {\n      id\n      name\n      type\n      status\n      location {\n        latitude\n        longitude\n      }\n      aqi {\n        value\n        band\n        colour {\n          hex\n        }\n      }\n    }\n  }\n  cameras(unitCode: $unitCode) {\n    id\n    name\n    status\n    siteType\n    location {\n      latitude\n      longitude\n    }\n  }\n  healthFacilities(unitCode: $unitCode, perPage: 100) {\n    items {\n      id\n      name\n      type\n      location {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery LiveAlerts($since: DateTime!, $first: Int! = 20) {\n  alerts(since: $since, first: $first) {\n    id\n    severity\n    status\n    message\n    raisedAt\n    unitCode\n  }\n}': typeof types.MapLayersDocument;
  'query CitizenReportBoard($filter: CitizenReportFilter, $first: Int = 20, $after: String) {\n  citizenReports(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        category\n        title\n        status\n        overdue\n        receivedAt\n        dueAt\n        location {\n          latitude\n          longitude\n        }\n        unit {\n          code\n          name\n        }\n        handlingAgency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery CitizenReportDetail($id: ID!) {\n  citizenReport(id: $id) {\n    id\n    category\n    title\n    description\n    address\n    status\n    receivedAt\n    closedAt\n    statusHistory {\n      status\n      at\n      note\n      agency {\n        name\n      }\n    }\n    reporterName\n    reporterPhone\n  }\n}': typeof types.CitizenReportBoardDocument;
  'query ReservoirPanel($from: DateTime!, $to: DateTime!) {\n  reservoir {\n    id\n    name\n    normalWaterLevelM\n    deadWaterLevelM\n    spillwayGates\n    levelChange24hM\n    trend24h\n    current {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n      spillwayGatesOpen\n    }\n    observations(from: $from, to: $to) {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n    }\n  }\n}': typeof types.ReservoirPanelDocument;
};
const documents: Documents = {
  'query DistrictDashboard($code: ID!, $period: PeriodInput!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    level\n    isCurrent\n    dossierStats(period: $period) {\n      received\n      inProgress\n      inProgressOverdue\n      resolvedOnTime\n      resolvedLate\n      onTimeRate\n      onlineShare\n    }\n    serviceIndex(period: $period) {\n      total\n    }\n    citizenReportStats(period: $period) {\n      total\n      open\n      overdue\n      onTimeRate\n    }\n    airQuality {\n      value\n      band\n      label\n      colour {\n        hex\n      }\n    }\n    bedOccupancy {\n      date\n      beds\n      occupiedBeds\n      occupancyRate\n    }\n    incidentStats(period: $period) {\n      total\n      resolved\n      resolutionRate\n    }\n    accidentStats(period: $period) {\n      accidents\n      deaths\n      injuries\n    }\n    cameraCount\n  }\n}\n\nquery UnitChildren($code: ID!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    children {\n      code\n      name\n      kind\n    }\n  }\n}':
    types.DistrictDashboardDocument,
  'query DiseasePanel($code: ID!, $disease: Disease!, $weeks: Int = 8) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    diseaseCases(disease: $disease, weeks: $weeks) {\n      isoWeek\n      weekStart\n      cases\n      hospitalised\n      deaths\n    }\n  }\n  notifiableDiseases {\n    disease\n    name\n  }\n}':
    types.DiseasePanelDocument,
  'query MapLayers($unitCode: ID!) {\n  monitoringStations(unitCode: $unitCode, first: 200) {\n    nodes {\n      id\n      name\n      type\n      status\n      location {\n        latitude\n        longitude\n      }\n      aqi {\n        value\n        band\n        colour {\n          hex\n        }\n      }\n    }\n  }\n  cameras(unitCode: $unitCode) {\n    id\n    name\n    status\n    siteType\n    location {\n      latitude\n      longitude\n    }\n  }\n  healthFacilities(unitCode: $unitCode, perPage: 100) {\n    items {\n      id\n      name\n      type\n      location {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery LiveAlerts($since: DateTime!, $first: Int! = 20) {\n  alerts(since: $since, first: $first) {\n    id\n    severity\n    status\n    message\n    raisedAt\n    unitCode\n  }\n}':
    types.MapLayersDocument,
  'query CitizenReportBoard($filter: CitizenReportFilter, $first: Int = 20, $after: String) {\n  citizenReports(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        category\n        title\n        status\n        overdue\n        receivedAt\n        dueAt\n        location {\n          latitude\n          longitude\n        }\n        unit {\n          code\n          name\n        }\n        handlingAgency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery CitizenReportDetail($id: ID!) {\n  citizenReport(id: $id) {\n    id\n    category\n    title\n    description\n    address\n    status\n    receivedAt\n    closedAt\n    statusHistory {\n      status\n      at\n      note\n      agency {\n        name\n      }\n    }\n    reporterName\n    reporterPhone\n  }\n}':
    types.CitizenReportBoardDocument,
  'query ReservoirPanel($from: DateTime!, $to: DateTime!) {\n  reservoir {\n    id\n    name\n    normalWaterLevelM\n    deadWaterLevelM\n    spillwayGates\n    levelChange24hM\n    trend24h\n    current {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n      spillwayGatesOpen\n    }\n    observations(from: $from, to: $to) {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n    }\n  }\n}':
    types.ReservoirPanelDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DistrictDashboard($code: ID!, $period: PeriodInput!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    level\n    isCurrent\n    dossierStats(period: $period) {\n      received\n      inProgress\n      inProgressOverdue\n      resolvedOnTime\n      resolvedLate\n      onTimeRate\n      onlineShare\n    }\n    serviceIndex(period: $period) {\n      total\n    }\n    citizenReportStats(period: $period) {\n      total\n      open\n      overdue\n      onTimeRate\n    }\n    airQuality {\n      value\n      band\n      label\n      colour {\n        hex\n      }\n    }\n    bedOccupancy {\n      date\n      beds\n      occupiedBeds\n      occupancyRate\n    }\n    incidentStats(period: $period) {\n      total\n      resolved\n      resolutionRate\n    }\n    accidentStats(period: $period) {\n      accidents\n      deaths\n      injuries\n    }\n    cameraCount\n  }\n}\n\nquery UnitChildren($code: ID!) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    children {\n      code\n      name\n      kind\n    }\n  }\n}',
): typeof import('./graphql.js').DistrictDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query DiseasePanel($code: ID!, $disease: Disease!, $weeks: Int = 8) {\n  administrativeUnit(code: $code) {\n    code\n    name\n    diseaseCases(disease: $disease, weeks: $weeks) {\n      isoWeek\n      weekStart\n      cases\n      hospitalised\n      deaths\n    }\n  }\n  notifiableDiseases {\n    disease\n    name\n  }\n}',
): typeof import('./graphql.js').DiseasePanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MapLayers($unitCode: ID!) {\n  monitoringStations(unitCode: $unitCode, first: 200) {\n    nodes {\n      id\n      name\n      type\n      status\n      location {\n        latitude\n        longitude\n      }\n      aqi {\n        value\n        band\n        colour {\n          hex\n        }\n      }\n    }\n  }\n  cameras(unitCode: $unitCode) {\n    id\n    name\n    status\n    siteType\n    location {\n      latitude\n      longitude\n    }\n  }\n  healthFacilities(unitCode: $unitCode, perPage: 100) {\n    items {\n      id\n      name\n      type\n      location {\n        latitude\n        longitude\n      }\n    }\n  }\n}\n\nquery LiveAlerts($since: DateTime!, $first: Int! = 20) {\n  alerts(since: $since, first: $first) {\n    id\n    severity\n    status\n    message\n    raisedAt\n    unitCode\n  }\n}',
): typeof import('./graphql.js').MapLayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query CitizenReportBoard($filter: CitizenReportFilter, $first: Int = 20, $after: String) {\n  citizenReports(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        category\n        title\n        status\n        overdue\n        receivedAt\n        dueAt\n        location {\n          latitude\n          longitude\n        }\n        unit {\n          code\n          name\n        }\n        handlingAgency {\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery CitizenReportDetail($id: ID!) {\n  citizenReport(id: $id) {\n    id\n    category\n    title\n    description\n    address\n    status\n    receivedAt\n    closedAt\n    statusHistory {\n      status\n      at\n      note\n      agency {\n        name\n      }\n    }\n    reporterName\n    reporterPhone\n  }\n}',
): typeof import('./graphql.js').CitizenReportBoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ReservoirPanel($from: DateTime!, $to: DateTime!) {\n  reservoir {\n    id\n    name\n    normalWaterLevelM\n    deadWaterLevelM\n    spillwayGates\n    levelChange24hM\n    trend24h\n    current {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n      spillwayGatesOpen\n    }\n    observations(from: $from, to: $to) {\n      observedAt\n      waterLevelM\n      inflowM3s\n      dischargeM3s\n    }\n  }\n}',
): typeof import('./graphql.js').ReservoirPanelDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
