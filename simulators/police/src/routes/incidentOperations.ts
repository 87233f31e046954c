import type { PoliceData } from '../data/policeData.js';
import { inUnit, knownUnitCodes, type UnitScope } from '../data/unitScope.js';
import { accidentXml, incidentXml } from './recordXml.js';
import { dateRange, intParam, listParam, requiredText, textParam, type Params } from './soapRequest.js';

/** Most unit codes one statistics call accepts (all old and new communes fit). */
const MAX_UNITS = 500;
const MAX_IDS = 200;

interface Dated {
  date: string;
  scope: UnitScope;
}

/** The known units asked for, each with the records of the period that belong to it, in request order. */
function recordsPerUnit<T extends Dated>(records: readonly T[], params: Params): [string, T[]][] {
  const codes = listParam(params, 'UnitCodes', 'UnitCode', MAX_UNITS).filter((code) =>
    knownUnitCodes.has(code),
  );
  const { from, to } = dateRange(params);
  const buckets = new Map<string, T[]>(codes.map((code) => [code, []]));
  for (const record of records) {
    if (record.date < from || record.date > to) continue;
    for (const code of [record.scope.communeCode, record.scope.districtCode, record.scope.provinceCode]) {
      buckets.get(code)?.push(record);
    }
  }
  return [...buckets];
}

function pageOf<T extends Dated>(records: readonly T[], params: Params, keep: (record: T) => boolean) {
  const unitCode = requiredText(params, 'UnitCode');
  const { from, to } = dateRange(params);
  const pageIndex = intParam(params, 'PageIndex', 1, 1, 100_000);
  const pageSize = intParam(params, 'PageSize', 20, 1, 100);
  const matching = records
    .filter(
      (record) => record.date >= from && record.date <= to && inUnit(record.scope, unitCode) && keep(record),
    )
    .reverse(); // newest first, as the officers' screens list them
  const start = (pageIndex - 1) * pageSize;
  return {
    TotalCount: matching.length,
    PageIndex: pageIndex,
    PageSize: pageSize,
    items: matching.slice(start, start + pageSize),
  };
}

export function getIncidentStatistics(data: PoliceData, params: Params): Params {
  const { from, to } = dateRange(params);
  return {
    UnitStatistics: recordsPerUnit(data.incidents, params).map(([code, incidents]) => {
      const byCategory = new Map<string, { CategoryCode: string; CategoryName: string; Count: number }>();
      for (const incident of incidents) {
        const entry = byCategory.get(incident.category.code) ?? {
          CategoryCode: incident.category.code,
          CategoryName: incident.category.name,
          Count: 0,
        };
        entry.Count += 1;
        byCategory.set(incident.category.code, entry);
      }
      const resolved = incidents.filter(
        (i) => i.status.code === 'DA_GIAI_QUYET' || i.status.code === 'DA_KHOI_TO',
      );
      return {
        UnitCode: code,
        FromDate: from,
        ToDate: to,
        TotalIncidents: incidents.length,
        ResolvedIncidents: resolved.length,
        ProsecutedIncidents: incidents.filter((i) => i.status.code === 'DA_KHOI_TO').length,
        TotalDamage: incidents.reduce((sum, i) => sum + (i.damageVnd ?? 0), 0),
        ByCategory: { CategoryCount: [...byCategory.values()] },
      };
    }),
  };
}

export function listIncidents(data: PoliceData, params: Params): Params {
  const category = textParam(params, 'CategoryCode');
  const { items, ...page } = pageOf(
    data.incidents,
    params,
    (i) => category === undefined || i.category.code === category,
  );
  return { ...page, Incidents: { Incident: items.map(incidentXml) } };
}

export function getIncident(data: PoliceData, params: Params): Params {
  const ids = listParam(params, 'IncidentIds', 'IncidentId', MAX_IDS);
  const found = ids.flatMap((id) => data.incidentById.get(id) ?? []);
  return { Incidents: { Incident: found.map(incidentXml) } };
}

export function getAccidentStatistics(data: PoliceData, params: Params): Params {
  const { from, to } = dateRange(params);
  return {
    UnitStatistics: recordsPerUnit(data.accidents, params).map(([code, accidents]) => ({
      UnitCode: code,
      FromDate: from,
      ToDate: to,
      AccidentCount: accidents.length,
      Deaths: accidents.reduce((sum, a) => sum + a.deaths, 0),
      Injuries: accidents.reduce((sum, a) => sum + a.injuries, 0),
      VehiclesInvolved: accidents.reduce((sum, a) => sum + a.vehicles.length, 0),
      PropertyDamage: accidents.reduce((sum, a) => sum + a.propertyDamageVnd, 0),
    })),
  };
}

export function listAccidents(data: PoliceData, params: Params): Params {
  const { items, ...page } = pageOf(data.accidents, params, () => true);
  return { ...page, Accidents: { Accident: items.map(accidentXml) } };
}

export function getAccident(data: PoliceData, params: Params): Params {
  const ids = listParam(params, 'AccidentIds', 'AccidentId', MAX_IDS);
  const found = ids.flatMap((id) => data.accidentById.get(id) ?? []);
  return { Accidents: { Accident: found.map(accidentXml) } };
}
