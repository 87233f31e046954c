import { z } from 'zod';
import type { Parameter } from '../aqi/limits.js';
import { malformedEnvironmentPayload } from './errors.js';

// The only file that knows the monitoring system's field names (stationId, lat/lng, values keyed 'PM2.5', 'NH4+'…).

export type StationType = 'AIR' | 'WATER';

export interface Station {
  id: string;
  name: string;
  type: StationType;
  latitude: number;
  longitude: number;
  communeCode: string;
  formerCommuneCode: string;
  /** Every administrative code the station lies in: communes, former district, provinces (old and new). */
  areaCodes: string[];
  address: string;
  status: 'ONLINE' | 'MAINTENANCE' | 'OFFLINE';
  installedOn: string | null;
  operator: string;
  waterBody: string | null;
  parameters: Parameter[];
}

export interface Reading {
  stationId: string;
  /** Epoch ms of the hour. */
  at: number;
  /** The system's own timestamp (ISO 8601, +07:00). */
  observedAt: string;
  values: Partial<Record<Parameter, number | null>>;
}

export interface ReservoirInfo {
  id: string;
  name: string;
  river: string;
  latitude: number;
  longitude: number;
  communeCode: string;
  normalWaterLevelM: number;
  deadWaterLevelM: number;
  spillwayGates: number;
  latest: ReservoirObservation;
}

export interface ReservoirObservation {
  at: number;
  observedAt: string;
  waterLevelM: number;
  inflowM3s: number;
  dischargeM3s: number;
  turbineDischargeM3s: number;
  spillwayDischargeM3s: number;
  spillwayGatesOpen: number;
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

const PARAMETERS: Readonly<Record<string, Parameter>> = {
  'PM2.5': 'PM2_5',
  PM10: 'PM10',
  NO2: 'NO2',
  SO2: 'SO2',
  CO: 'CO',
  O3: 'O3',
  pH: 'PH',
  DO: 'DO',
  COD: 'COD',
  BOD5: 'BOD5',
  TSS: 'TSS',
  'NH4+': 'NH4',
};

/** Units of the values the system sends. */
export const parameterUnits: Readonly<Record<Parameter, string>> = {
  PM2_5: 'µg/m³',
  PM10: 'µg/m³',
  NO2: 'µg/m³',
  SO2: 'µg/m³',
  CO: 'µg/m³',
  O3: 'µg/m³',
  PH: '',
  DO: 'mg/L',
  COD: 'mg/L',
  BOD5: 'mg/L',
  TSS: 'mg/L',
  NH4: 'mg/L',
};

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const rawStation = z.object({
  stationId: z.string().min(1),
  stationName: z.string().min(1),
  stationType: z.enum(['AIR', 'WATER']),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  communeCode: z.string(),
  formerCommuneCode: z.string(),
  formerDistrictCode: z.string(),
  provinceCode: z.string(),
  formerProvinceCode: z.string(),
  address: z.string(),
  status: z.enum(['ONLINE', 'MAINTENANCE', 'OFFLINE']),
  installedAt: z.string().nullable(),
  operator: z.string(),
  waterBody: z.string().nullable(),
  parameters: z.array(z.string()),
});
const rawReading = z.object({
  stationId: z.string(),
  time: instant,
  values: z.record(z.string(), z.number().nullable()),
});
const rawObservation = z.object({
  time: instant,
  waterLevel: z.number(),
  inflow: z.number(),
  turbineDischarge: z.number(),
  spillwayDischarge: z.number(),
  totalDischarge: z.number(),
  bottomGatesOpen: z.number().int(),
});
const rawReservoir = z.object({
  reservoirId: z.string(),
  reservoirName: z.string(),
  riverName: z.string(),
  normalWaterLevel: z.number(),
  deadWaterLevel: z.number(),
  bottomGates: z.number().int(),
  lat: z.number(),
  lng: z.number(),
  communeCode: z.string(),
  latest: rawObservation,
});
const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), paging: z.object({ nextCursor: z.string().nullable() }) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw malformedEnvironmentPayload(`${what}: ${result.error.message}`);
  return result.data;
}

function toStation(raw: z.infer<typeof rawStation>): Station {
  return {
    id: raw.stationId,
    name: raw.stationName,
    type: raw.stationType,
    latitude: raw.lat,
    longitude: raw.lng,
    communeCode: raw.communeCode,
    formerCommuneCode: raw.formerCommuneCode,
    areaCodes: [
      ...new Set([
        raw.communeCode,
        raw.formerCommuneCode,
        raw.formerDistrictCode,
        raw.provinceCode,
        raw.formerProvinceCode,
      ]),
    ],
    address: raw.address,
    status: raw.status,
    installedOn: raw.installedAt,
    operator: raw.operator,
    waterBody: raw.waterBody,
    parameters: raw.parameters.flatMap((code) => PARAMETERS[code] ?? []),
  };
}

function toReading(raw: z.infer<typeof rawReading>): Reading {
  const values: Partial<Record<Parameter, number | null>> = {};
  for (const [code, value] of Object.entries(raw.values)) {
    const parameter = PARAMETERS[code];
    if (parameter) values[parameter] = value;
  }
  return { stationId: raw.stationId, at: Date.parse(raw.time), observedAt: raw.time, values };
}

function toObservation(raw: z.infer<typeof rawObservation>): ReservoirObservation {
  return {
    at: Date.parse(raw.time),
    observedAt: raw.time,
    waterLevelM: raw.waterLevel,
    inflowM3s: raw.inflow,
    dischargeM3s: raw.totalDischarge,
    turbineDischargeM3s: raw.turbineDischarge,
    spillwayDischargeM3s: raw.spillwayDischarge,
    spillwayGatesOpen: raw.bottomGatesOpen,
  };
}

export const readStation = (body: unknown): Station => toStation(parse(rawStation, body, 'station'));

export function readStationPage(body: unknown): CursorPage<Station> {
  const page = parse(cursorPage(rawStation), body, 'station page');
  return { items: page.data.map(toStation), nextCursor: page.paging.nextCursor };
}

export function readReadingPage(body: unknown): CursorPage<Reading> {
  const page = parse(cursorPage(rawReading), body, 'reading page');
  return { items: page.data.map(toReading), nextCursor: page.paging.nextCursor };
}

export const readLatestReadings = (body: unknown): Reading[] =>
  parse(z.object({ data: z.array(rawReading) }), body, 'latest readings').data.map(toReading);

export function readReservoir(body: unknown): ReservoirInfo {
  const raw = parse(rawReservoir, body, 'reservoir');
  return {
    id: raw.reservoirId,
    name: raw.reservoirName,
    river: raw.riverName,
    latitude: raw.lat,
    longitude: raw.lng,
    communeCode: raw.communeCode,
    normalWaterLevelM: raw.normalWaterLevel,
    deadWaterLevelM: raw.deadWaterLevel,
    spillwayGates: raw.bottomGates,
    latest: toObservation(raw.latest),
  };
}

export function readObservationPage(body: unknown): CursorPage<ReservoirObservation> {
  const page = parse(cursorPage(rawObservation), body, 'reservoir observations');
  return { items: page.data.map(toObservation), nextCursor: page.paging.nextCursor };
}

/** List filters in the system's parameter names. */
export function stationQuery(filter: {
  type?: StationType | undefined;
  ids?: readonly string[] | undefined;
  areaCodes?: readonly string[] | undefined;
}): Record<string, string | undefined> {
  return {
    stationType: filter.type,
    stationIds: filter.ids?.join(','),
    areaCodes: filter.areaCodes?.join(','),
  };
}
