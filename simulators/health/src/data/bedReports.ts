import { createRng } from '@lgsp/simulator-kit';
import type { Facility, FacilityCategory } from './facilities.js';
import { daysBetween, isoDate } from './isoWeek.js';

/** A facility's daily bed report (báo cáo giường bệnh hằng ngày), as of 07:00 that day. */
export interface BedReport {
  facilityCode: string;
  reportDate: string;
  bedsActual: number;
  /** Inpatients present; above `bedsActual` when patients share beds, as happens in provincial hospitals. */
  inpatients: number;
  bedsOccupied: number;
  admissions: number;
  discharges: number;
  /** Công suất sử dụng giường bệnh: inpatients ÷ beds actually set up, in percent. */
  occupancyPct: number;
}

/** Typical occupancy by category (share of beds). */
const baseOccupancy: Readonly<Record<FacilityCategory, [number, number]>> = {
  BV_DA_KHOA_TINH: [0.98, 1.12],
  BV_CHUYEN_KHOA: [0.72, 0.95],
  TTYT_HUYEN: [0.78, 1.02],
  PK_DA_KHOA_KV: [0.35, 0.65],
  TRAM_Y_TE: [0.05, 0.35],
};

/** Days of history the registry keeps online. */
export const BED_REPORT_DAYS = 365;

/**
 * Computes one day's report on demand from a seed, so a year of daily reports for every facility costs no memory
 * and the same day always reads the same.
 */
export function bedReportOn(seed: number, facility: Facility, day: Date): BedReport {
  const [low, high] = baseOccupancy[facility.category];
  const level = createRng(`${seed}:beds:${facility.facilityCode}`).float(low, high, 4);
  const rng = createRng(`${seed}:beds:${facility.facilityCode}:${isoDate(day)}`);
  const dayOfYear = daysBetween(new Date(Date.UTC(day.getUTCFullYear(), 0, 1)), day);
  // Busier in winter (respiratory season), quieter at weekends when planned admissions stop.
  const season = 1 + 0.07 * Math.cos((2 * Math.PI * (dayOfYear - 20)) / 365);
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6 ? 0.93 : 1;
  const share = Math.max(0, level * season * weekend * rng.float(0.95, 1.05, 4));
  const inpatients = Math.round(facility.bedsActual * share);
  const turnover = Math.max(1, Math.round(inpatients / rng.float(5, 8)));
  return {
    facilityCode: facility.facilityCode,
    reportDate: isoDate(day),
    bedsActual: facility.bedsActual,
    inpatients,
    bedsOccupied: Math.min(inpatients, facility.bedsActual),
    admissions: inpatients === 0 ? 0 : Math.max(0, turnover + rng.int(-1, 2)),
    discharges: inpatients === 0 ? 0 : Math.max(0, turnover + rng.int(-2, 1)),
    occupancyPct:
      facility.bedsActual === 0 ? 0 : Number(((100 * inpatients) / facility.bedsActual).toFixed(1)),
  };
}

/** The registry's per-unit daily summary (báo cáo tổng hợp giường bệnh theo địa bàn). */
export interface BedSummary {
  unitCode: string;
  reportDate: string;
  facilityCount: number;
  bedsActual: number;
  inpatients: number;
  bedsOccupied: number;
  occupancyPct: number;
}

export function summarise(unitCode: string, reportDate: string, reports: readonly BedReport[]): BedSummary {
  const bedsActual = reports.reduce((sum, report) => sum + report.bedsActual, 0);
  const inpatients = reports.reduce((sum, report) => sum + report.inpatients, 0);
  return {
    unitCode,
    reportDate,
    facilityCount: reports.length,
    bedsActual,
    inpatients,
    bedsOccupied: reports.reduce((sum, report) => sum + report.bedsOccupied, 0),
    occupancyPct: bedsActual === 0 ? 0 : Number(((100 * inpatients) / bedsActual).toFixed(1)),
  };
}
