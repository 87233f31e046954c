// The only file that knows the health registry's field names, codes and envelope. Everything it returns is in
// the subgraph's model (../model.ts); a payload without the expected shape is UPSTREAM_ERROR (malformed).
import { parseUpstreamPayload } from '@lgsp/subgraph-kit';
import { z } from 'zod';
import type * as model from '../model.js';
import { UPSTREAM_NAME } from './errors.js';

const facilityTypes = {
  BV_DA_KHOA_TINH: 'PROVINCIAL_GENERAL_HOSPITAL',
  BV_CHUYEN_KHOA: 'SPECIALISED_HOSPITAL',
  TTYT_HUYEN: 'DISTRICT_MEDICAL_CENTRE',
  PK_DA_KHOA_KV: 'REGIONAL_POLYCLINIC',
  TRAM_Y_TE: 'COMMUNE_HEALTH_STATION',
} as const satisfies Record<string, model.HealthFacilityType>;

const diseaseCodes = {
  A97: 'DENGUE',
  'B08.4': 'HAND_FOOT_MOUTH',
  B05: 'MEASLES',
  J10: 'INFLUENZA_A',
  'U07.1': 'COVID_19',
  A36: 'DIPHTHERIA',
  A37: 'PERTUSSIS',
  'A83.0': 'JAPANESE_ENCEPHALITIS',
  A82: 'RABIES',
} as const satisfies Record<string, model.Disease>;

const vaccineCodes = {
  BCG: 'BCG',
  VGB: 'HEPATITIS_B',
  DPT_VGB_HIB: 'DPT_HEPB_HIB',
  OPV: 'OPV',
  IPV: 'IPV',
  SOI: 'MEASLES',
  MR: 'MEASLES_RUBELLA',
  VNNB: 'JAPANESE_ENCEPHALITIS',
  DPT: 'DPT',
  COVID19: 'COVID_19',
} as const satisfies Record<string, model.Vaccine>;

/** The registry reports percentages with one decimal; the schema wants ratios. */
const ratio = (percent: number): number => Number((percent / 100).toFixed(4));

function codeOf<T extends string>(table: Record<string, T>, value: T): string {
  const found = Object.entries(table).find(([, mapped]) => mapped === value);
  if (!found) throw new Error(`no upstream code for ${value}`);
  return found[0];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const enumOf = <T extends Record<string, string>>(table: T) =>
  z.enum(Object.keys(table) as [keyof T & string]);

/** The house envelope `{ data: [...], meta: { page, perPage, total } }`. */
function envelope<S extends z.ZodType>(item: S) {
  return z.object({
    data: z.array(item),
    meta: z.object({ page: z.number().int(), perPage: z.number().int(), total: count }),
  });
}

const rawFacility = z.object({
  facilityCode: z.string(),
  facilityName: z.string(),
  category: enumOf(facilityTypes),
  communeCode: z.string(),
  newCommuneCode: z.string(),
  districtCode: z.string(),
  provinceCode: z.string(),
  newProvinceCode: z.string(),
  address: z.string(),
  geo: z.object({ lat: z.number(), lng: z.number() }),
  bedsPlanned: count,
  bedsActual: count,
  hotline: z.string().nullish(),
});

const rawBedReport = z.object({
  facilityCode: z.string(),
  reportDate: isoDate,
  bedsActual: count,
  inpatients: count,
  bedsOccupied: count,
  admissions: count,
  discharges: count,
  occupancyPct: z.number(),
});

const rawBedSummary = z.object({
  unitCode: z.string(),
  reportDate: isoDate,
  facilityCount: count,
  bedsActual: count,
  inpatients: count,
  bedsOccupied: count,
  occupancyPct: z.number(),
});

const rawDisease = z.object({
  diseaseCode: enumOf(diseaseCodes),
  diseaseName: z.string(),
  group: z.string(),
});

const rawCaseRow = z.object({
  unitCode: z.string(),
  diseaseCode: enumOf(diseaseCodes),
  isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
  weekStart: isoDate,
  weekEnd: isoDate,
  cases: count,
  deaths: count,
  hospitalised: count,
});

const rawCoverageRow = z.object({
  unitCode: z.string(),
  year: z.number().int(),
  vaccineCode: enumOf(vaccineCodes),
  doseNumber: z.number().int().positive(),
  indicatorName: z.string(),
  targetGroup: z.string(),
  targetPopulation: count,
  vaccinated: count,
  coveragePct: z.number(),
  status: z.enum(['FINAL', 'PROVISIONAL']),
});

const rawRecord = z.object({
  cccd: z.string(),
  fullName: z.string(),
  birthDate: isoDate,
  doses: z.array(
    z.object({
      vaccineCode: enumOf(vaccineCodes),
      doseNumber: z.number().int().positive(),
      administeredOn: isoDate,
      facilityCode: z.string(),
      lotNumber: z.string().nullish(),
    }),
  ),
});

/** One page of an envelope, mapped. */
export interface MappedPage<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
}

function pageParser<S extends z.ZodType, T>(item: S, map: (raw: z.output<S>) => T) {
  const schema = envelope(item);
  return (payload: unknown): MappedPage<T> => {
    const parsed = parseUpstreamPayload(UPSTREAM_NAME, schema, payload);
    return { items: parsed.data.map((raw) => map(raw)), ...parsed.meta };
  };
}

export function toFacility(raw: z.output<typeof rawFacility>): model.HealthFacility {
  return {
    id: raw.facilityCode,
    name: raw.facilityName,
    type: facilityTypes[raw.category],
    unitCode: raw.communeCode,
    currentUnitCode: raw.newCommuneCode,
    districtCode: raw.districtCode,
    unitCodes: [raw.communeCode, raw.newCommuneCode, raw.districtCode, raw.provinceCode, raw.newProvinceCode],
    address: raw.address,
    latitude: raw.geo.lat,
    longitude: raw.geo.lng,
    beds: raw.bedsActual,
    plannedBeds: raw.bedsPlanned,
    hotline: raw.hotline ?? null,
  };
}

export const parseFacilityPage = pageParser(rawFacility, toFacility);

/** `GET /facilities/:code` answers `{ data: facility }`. */
export function parseFacility(payload: unknown): model.HealthFacility {
  return toFacility(parseUpstreamPayload(UPSTREAM_NAME, z.object({ data: rawFacility }), payload).data);
}

export const parseBedReportPage = pageParser(rawBedReport, (raw) => ({
  facilityId: raw.facilityCode,
  date: raw.reportDate,
  beds: raw.bedsActual,
  inpatients: raw.inpatients,
  occupiedBeds: raw.bedsOccupied,
  admissions: raw.admissions,
  discharges: raw.discharges,
  occupancyRate: ratio(raw.occupancyPct),
}));

export const parseBedSummaryPage = pageParser(rawBedSummary, (raw) => ({
  unitCode: raw.unitCode,
  date: raw.reportDate,
  facilities: raw.facilityCount,
  beds: raw.bedsActual,
  inpatients: raw.inpatients,
  occupiedBeds: raw.bedsOccupied,
  occupancyRate: ratio(raw.occupancyPct),
}));

export const parseDiseasePage = pageParser(rawDisease, (raw) => ({
  disease: diseaseCodes[raw.diseaseCode],
  icd10: raw.diseaseCode,
  name: raw.diseaseName,
  group: raw.group,
}));

export const parseCaseStatsPage = pageParser(rawCaseRow, (raw) => ({
  unitCode: raw.unitCode,
  disease: diseaseCodes[raw.diseaseCode],
  isoWeek: raw.isoWeek,
  weekStart: raw.weekStart,
  weekEnd: raw.weekEnd,
  cases: raw.cases,
  hospitalised: raw.hospitalised,
  deaths: raw.deaths,
}));

export const parseCoveragePage = pageParser(rawCoverageRow, (raw) => ({
  unitCode: raw.unitCode,
  year: raw.year,
  vaccine: vaccineCodes[raw.vaccineCode],
  dose: raw.doseNumber,
  indicator: raw.indicatorName,
  targetGroup: raw.targetGroup,
  targetPopulation: raw.targetPopulation,
  vaccinated: raw.vaccinated,
  coveragePercent: raw.coveragePct,
  final: raw.status === 'FINAL',
}));

export const parseRecordPage = pageParser(rawRecord, (raw) => ({
  cccd: raw.cccd,
  fullName: raw.fullName,
  birthDate: raw.birthDate,
  doses: raw.doses.map((dose) => ({
    vaccine: vaccineCodes[dose.vaccineCode],
    dose: dose.doseNumber,
    date: dose.administeredOn,
    facilityId: dose.facilityCode,
    lotNumber: dose.lotNumber ?? null,
  })),
}));

/** The registry's code for a facility type (query parameter `category`). */
export const upstreamCategory = (type: model.HealthFacilityType): string => codeOf(facilityTypes, type);

/** The registry's ICD-10 code for a disease (query parameter `diseaseCode`). */
export const upstreamDiseaseCode = (disease: model.Disease): string => codeOf(diseaseCodes, disease);

/** The body of a record search by personal identification numbers. */
export const recordSearchBody = (cccds: readonly string[]): string => JSON.stringify({ cccds });
