/**
 * Hourly VN-AQI per Decision 1459/QĐ-TCMT (2019) of the Vietnam Environment Administration:
 * - each pollutant's sub-index is interpolated linearly between the breakpoints BP_i → I_i of Table 2:
 *   AQI_x = (I_{i+1} − I_i) / (BP_{i+1} − BP_i) × (C_x − BP_i) + I_i, rounded to an integer;
 * - PM2.5 and PM10 use the NowCast-weighted concentration of the last 12 hours; SO2, CO, NO2, O3 the hour's value;
 * - AQI = the largest sub-index; at least one of PM2.5 and PM10 is required, otherwise there is no AQI.
 * Concentrations are in µg/m³ (CO too). Above the last breakpoint the sub-index is capped at 500.
 */
export type AqiPollutant = 'PM2_5' | 'PM10' | 'NO2' | 'SO2' | 'CO' | 'O3';

export type AqiBand = 'GOOD' | 'MODERATE' | 'POOR' | 'BAD' | 'VERY_BAD' | 'HAZARDOUS';

/** The index values of the breakpoints (I_i of Table 2). */
const INDEX = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Hourly breakpoints BP_i (µg/m³) per pollutant, Table 2 of the decision (1-hour O3). */
export const hourlyBreakpoints: Readonly<Record<AqiPollutant, readonly number[]>> = {
  O3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  CO: [0, 10_000, 30_000, 45_000, 60_000, 90_000, 120_000, 150_000],
  SO2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  NO2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  PM2_5: [0, 25, 50, 80, 150, 250, 350, 500],
};

/** Bands of Table 1 with their colours (RGB) and Vietnamese labels. */
export const aqiBands: ReadonlyArray<{
  band: AqiBand;
  max: number;
  label: string;
  rgb: readonly [number, number, number];
}> = [
  { band: 'GOOD', max: 50, label: 'Tốt', rgb: [0, 228, 0] },
  { band: 'MODERATE', max: 100, label: 'Trung bình', rgb: [255, 255, 0] },
  { band: 'POOR', max: 150, label: 'Kém', rgb: [255, 126, 0] },
  { band: 'BAD', max: 200, label: 'Xấu', rgb: [255, 0, 0] },
  { band: 'VERY_BAD', max: 300, label: 'Rất xấu', rgb: [143, 63, 151] },
  { band: 'HAZARDOUS', max: 500, label: 'Nguy hại', rgb: [126, 0, 35] },
];

/** The sub-index of one pollutant at concentration `c`, or null for a missing or negative value. */
export function subIndex(pollutant: AqiPollutant, c: number | null | undefined): number | null {
  if (c === null || c === undefined || !Number.isFinite(c) || c < 0) return null;
  const bp = hourlyBreakpoints[pollutant];
  const last = bp.length - 1;
  if (c >= bp[last]!) return INDEX[last]!;
  let i = 0;
  while (c > bp[i + 1]!) i += 1;
  const value = ((INDEX[i + 1]! - INDEX[i]!) / (bp[i + 1]! - bp[i]!)) * (c - bp[i]!) + INDEX[i]!;
  return Math.round(value);
}

/**
 * NowCast of the decision for dust: `hourly[0]` is the current hour, `hourly[11]` 11 hours ago (null = missing).
 * w* = c_min / c_max over the available hours; w = w* when w* > 1/2, else 1/2. With w > 1/2:
 * NowCast = Σ w^(i−1)·c_i / Σ w^(i−1); with w = 1/2: NowCast = Σ (1/2)^i·c_i. Missing hours drop out of the sums.
 * At least two of the three most recent hours must be present, otherwise null.
 */
export function nowCast(hourly: readonly (number | null | undefined)[]): number | null {
  const window = hourly.slice(0, 12);
  const recent = window.slice(0, 3).filter((value) => value !== null && value !== undefined);
  if (recent.length < 2) return null;
  const present = window.flatMap((value, index) =>
    value === null || value === undefined ? [] : [{ c: value, i: index + 1 }],
  );
  const values = present.map((entry) => entry.c);
  const cMax = Math.max(...values);
  if (cMax === 0) return 0;
  const ratio = Math.min(...values) / cMax;
  if (ratio > 0.5) {
    const numerator = present.reduce((sum, { c, i }) => sum + ratio ** (i - 1) * c, 0);
    const denominator = present.reduce((sum, { i }) => sum + ratio ** (i - 1), 0);
    return numerator / denominator;
  }
  return present.reduce((sum, { c, i }) => sum + 0.5 ** i * c, 0);
}

export interface AqiResult {
  value: number;
  band: AqiBand;
  dominant: AqiPollutant;
  subIndices: { pollutant: AqiPollutant; concentration: number; value: number }[];
}

/** The band of an AQI value (0–50 GOOD … 301–500 HAZARDOUS). */
export function bandOf(value: number): (typeof aqiBands)[number] {
  return aqiBands.find((band) => value <= band.max) ?? aqiBands.at(-1)!;
}

/**
 * Hourly VN-AQI from the last 12 hours of one station, newest first (`series[pollutant][0]` is the current hour).
 * Null when neither PM2.5 nor PM10 has enough data for a NowCast.
 */
export function hourlyAqi(
  series: Partial<Record<AqiPollutant, readonly (number | null)[]>>,
): AqiResult | null {
  const concentrations: [AqiPollutant, number | null][] = [
    ['PM2_5', nowCast(series.PM2_5 ?? [])],
    ['PM10', nowCast(series.PM10 ?? [])],
    ['NO2', series.NO2?.[0] ?? null],
    ['SO2', series.SO2?.[0] ?? null],
    ['CO', series.CO?.[0] ?? null],
    ['O3', series.O3?.[0] ?? null],
  ];
  const subIndices = concentrations.flatMap(([pollutant, concentration]) => {
    const value = subIndex(pollutant, concentration);
    return value === null || concentration === null ? [] : [{ pollutant, concentration, value }];
  });
  if (!subIndices.some((entry) => entry.pollutant === 'PM2_5' || entry.pollutant === 'PM10')) return null;
  // Ties go to the first in the list above, dust first: the pollutant the public is told about.
  const dominant = subIndices.reduce((best, entry) => (entry.value > best.value ? entry : best));
  return {
    value: dominant.value,
    band: bandOf(dominant.value).band,
    dominant: dominant.pollutant,
    subIndices,
  };
}
