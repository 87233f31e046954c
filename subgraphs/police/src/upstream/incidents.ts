import { alignByKey, type UpstreamClient } from '@lgsp/subgraph-kit';
import { readPolice, type CallContext } from './client.js';
import {
  accidentStatisticsRequest,
  getAccidentsRequest,
  getIncidentsRequest,
  incidentStatisticsRequest,
  listAccidentsRequest,
  listIncidentsRequest,
  readAccidentPage,
  readAccidents,
  readAccidentStatistics,
  readIncidentPage,
  readIncidents,
  readIncidentStatistics,
  type ListRequest,
} from './mapping.js';
import type {
  AccidentStats,
  IncidentStats,
  Page,
  Period,
  SecurityIncident,
  TrafficAccident,
} from './model.js';

/** Incident statistics of many units in one call, in key order; `null` for a unit the system does not know. */
export async function fetchIncidentStats(
  client: UpstreamClient,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<(IncidentStats | null)[]> {
  const body = await readPolice(client, incidentStatisticsRequest(unitCodes, period), context);
  return alignByKey(unitCodes, readIncidentStatistics(body), (stats) => stats.unitCode);
}

export async function fetchAccidentStats(
  client: UpstreamClient,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<(AccidentStats | null)[]> {
  const body = await readPolice(client, accidentStatisticsRequest(unitCodes, period), context);
  return alignByKey(unitCodes, readAccidentStatistics(body), (stats) => stats.unitCode);
}

/** Incidents by case number in one call, in key order; `null` for an unknown number. */
export async function fetchIncidents(
  client: UpstreamClient,
  ids: readonly string[],
  context: CallContext,
): Promise<(SecurityIncident | null)[]> {
  const body = await readPolice(client, getIncidentsRequest(ids), context);
  return alignByKey(ids, readIncidents(body), (incident) => incident.id);
}

export async function fetchIncident(
  client: UpstreamClient,
  id: string,
  context: CallContext,
): Promise<SecurityIncident | null> {
  return (await fetchIncidents(client, [id], context))[0] ?? null;
}

export async function fetchAccidents(
  client: UpstreamClient,
  ids: readonly string[],
  context: CallContext,
): Promise<(TrafficAccident | null)[]> {
  const body = await readPolice(client, getAccidentsRequest(ids), context);
  return alignByKey(ids, readAccidents(body), (accident) => accident.id);
}

/** One page of a unit's incidents in a period, newest first. */
export async function listIncidents(
  client: UpstreamClient,
  request: ListRequest,
  context: CallContext,
): Promise<Page<SecurityIncident>> {
  return readIncidentPage(await readPolice(client, listIncidentsRequest(request), context));
}

export async function listAccidents(
  client: UpstreamClient,
  request: ListRequest,
  context: CallContext,
): Promise<Page<TrafficAccident>> {
  return readAccidentPage(await readPolice(client, listAccidentsRequest(request), context));
}
