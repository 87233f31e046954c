/**
 * Threshold limits we check readings against, as we read the national technical regulations (Circular
 * 01/2023/TT-BTNMT, in force 2023-09-12):
 * - air, QCVN 05:2023/BTNMT Table 1 (µg/Nm³): SO2 1 h 350, 24 h 125; CO 1 h 30 000; NO2 1 h 200, 24 h 100;
 *   O3 1 h 200; PM10 24 h 100; PM2.5 24 h 50 (8-hour and annual limits are not checked here);
 * - surface water, QCVN 08:2023/BTNMT: Table 2 class B (“mức B”) for rivers and lakes — pH 6.0–8.5, DO ≥ 5.0,
 *   BOD5 ≤ 6, COD ≤ 15, TSS ≤ 100 mg/L — and Table 1 (human health) NH4+ as N ≤ 0.3 mg/L. Automatic stations give
 *   hourly values, so each hour is compared.
 */
export type Parameter =
  'PM2_5' | 'PM10' | 'NO2' | 'SO2' | 'CO' | 'O3' | 'PH' | 'DO' | 'COD' | 'BOD5' | 'TSS' | 'NH4';
export type AveragingPeriod = 'ONE_HOUR' | 'TWENTY_FOUR_HOURS';

export interface Limit {
  parameter: Parameter;
  standard: string;
  period: AveragingPeriod;
  /** Exceeded above this value. */
  max?: number;
  /** Exceeded below this value (DO, the low end of pH). */
  min?: number;
}

const AIR = 'QCVN 05:2023/BTNMT';
const WATER = 'QCVN 08:2023/BTNMT';

export const airLimits: readonly Limit[] = [
  { parameter: 'SO2', standard: AIR, period: 'ONE_HOUR', max: 350 },
  { parameter: 'SO2', standard: AIR, period: 'TWENTY_FOUR_HOURS', max: 125 },
  { parameter: 'CO', standard: AIR, period: 'ONE_HOUR', max: 30_000 },
  { parameter: 'NO2', standard: AIR, period: 'ONE_HOUR', max: 200 },
  { parameter: 'NO2', standard: AIR, period: 'TWENTY_FOUR_HOURS', max: 100 },
  { parameter: 'O3', standard: AIR, period: 'ONE_HOUR', max: 200 },
  { parameter: 'PM10', standard: AIR, period: 'TWENTY_FOUR_HOURS', max: 100 },
  { parameter: 'PM2_5', standard: AIR, period: 'TWENTY_FOUR_HOURS', max: 50 },
];

export const waterLimits: readonly Limit[] = [
  { parameter: 'PH', standard: WATER, period: 'ONE_HOUR', min: 6.0, max: 8.5 },
  { parameter: 'DO', standard: WATER, period: 'ONE_HOUR', min: 5.0 },
  { parameter: 'BOD5', standard: WATER, period: 'ONE_HOUR', max: 6 },
  { parameter: 'COD', standard: WATER, period: 'ONE_HOUR', max: 15 },
  { parameter: 'TSS', standard: WATER, period: 'ONE_HOUR', max: 100 },
  { parameter: 'NH4', standard: WATER, period: 'ONE_HOUR', max: 0.3 },
];

export interface HourlyValues {
  /** Epoch ms of the hour. */
  at: number;
  values: Partial<Record<Parameter, number | null>>;
}

export interface Exceedance {
  parameter: Parameter;
  standard: string;
  period: AveragingPeriod;
  /** Start of the hour, or of the calendar day (00:00 +07:00) for a 24-hour mean. */
  at: number;
  value: number;
  limit: number;
  /** How far past the limit: value / limit for a maximum, limit / value for a minimum. */
  ratio: number;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** A 24-hour mean needs 75 % of the hours (18 of 24), as usual for continuous monitoring data. */
const MIN_HOURS_PER_DAY = 18;

function check(limit: Limit, at: number, value: number): Exceedance | null {
  const round = (x: number): number => Number(x.toFixed(3));
  if (limit.max !== undefined && value > limit.max) {
    return { ...base(limit, at, value), limit: limit.max, ratio: round(value / limit.max) };
  }
  if (limit.min !== undefined && value < limit.min) {
    return { ...base(limit, at, value), limit: limit.min, ratio: round(limit.min / Math.max(value, 0.001)) };
  }
  return null;
}

function base(limit: Limit, at: number, value: number) {
  return { parameter: limit.parameter, standard: limit.standard, period: limit.period, at, value };
}

function dailyMeans(hours: readonly HourlyValues[], parameter: Parameter): { at: number; mean: number }[] {
  const days = new Map<number, number[]>();
  for (const hour of hours) {
    const value = hour.values[parameter];
    if (value === null || value === undefined) continue;
    const dayStart = Math.floor((hour.at + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
    days.set(dayStart, [...(days.get(dayStart) ?? []), value]);
  }
  return [...days]
    .filter(([, values]) => values.length >= MIN_HOURS_PER_DAY)
    .map(([at, values]) => ({
      at,
      mean: Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)),
    }));
}

/** Every exceedance of `limits` in the hourly series, oldest first. */
export function findExceedances(hours: readonly HourlyValues[], limits: readonly Limit[]): Exceedance[] {
  const found: Exceedance[] = [];
  for (const limit of limits) {
    if (limit.period === 'ONE_HOUR') {
      for (const hour of hours) {
        const value = hour.values[limit.parameter];
        const exceedance = value === null || value === undefined ? null : check(limit, hour.at, value);
        if (exceedance) found.push(exceedance);
      }
    } else {
      for (const { at, mean } of dailyMeans(hours, limit.parameter)) {
        const exceedance = check(limit, at, mean);
        if (exceedance) found.push(exceedance);
      }
    }
  }
  return found.sort((a, b) => a.at - b.at || a.parameter.localeCompare(b.parameter));
}
