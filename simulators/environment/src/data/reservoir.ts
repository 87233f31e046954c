import { gaussianish, localTime, noise } from './noise.js';

/** The Hòa Bình hydropower reservoir, as the monitoring system describes it (approximate public figures). */
export const hoaBinhReservoir = {
  reservoirId: 'HOA_BINH',
  reservoirName: 'Hồ thủy điện Hòa Bình',
  riverName: 'Sông Đà',
  /** Normal water level (mực nước dâng bình thường), m. */
  normalWaterLevel: 117,
  /** Dead water level (mực nước chết), m. */
  deadWaterLevel: 80,
  /** Total capacity, million m³ (about 9.45 billion m³). */
  totalCapacityMillionM3: 9450,
  bottomGates: 12,
  surfaceGates: 6,
  turbineUnits: 8,
  lat: 20.8125,
  lng: 105.3245,
  /** Phường Tân Hòa (kept its code after 2025-07-01). */
  communeCode: '04792',
  operator: 'Công ty Thủy điện Hòa Bình',
} as const;

export interface ReservoirObservation {
  waterLevel: number;
  inflow: number;
  turbineDischarge: number;
  spillwayDischarge: number;
  totalDischarge: number;
  bottomGatesOpen: number;
}

/** Piecewise-linear yearly curve through (day of year, value) anchors. */
function yearly(anchors: readonly [number, number][], dayOfYear: number): number {
  for (let index = 1; index < anchors.length; index += 1) {
    const [d1, v1] = anchors[index]!;
    const [d0, v0] = anchors[index - 1]!;
    if (dayOfYear <= d1) return v0 + ((v1 - v0) * (dayOfYear - d0)) / (d1 - d0);
  }
  return anchors.at(-1)![1];
}

// Drawdown in the dry season, flood-control levels in summer, refilling to the normal level from September.
const LEVEL: readonly [number, number][] = [
  [0, 116.6],
  [60, 113.6],
  [120, 108.8],
  [166, 105.2],
  [200, 104.2],
  [235, 106],
  [255, 108.5],
  [290, 114.6],
  [320, 116.7],
  [366, 116.6],
];
const INFLOW: readonly [number, number][] = [
  [0, 760],
  [90, 620],
  [150, 1500],
  [180, 3400],
  [220, 5200],
  [260, 3100],
  [300, 1500],
  [330, 1000],
  [366, 760],
];
const BOTTOM_GATE_M3S = 1000;
const TURBINES_MAX_M3S = 2400;

/** One hourly observation; a pure function of the hour, so every window is reproducible. */
export function reservoirObservation(seed: number, epochHour: number): ReservoirObservation {
  const { hourOfDay, dayOfYear, day } = localTime(epochHour);
  const dayFloat = dayOfYear + hourOfDay / 24;
  const wave = 0.35 * Math.sin((2 * Math.PI * (epochHour / 24)) / 9 + noise(seed, 'phase') * 6);
  const waterLevel = yearly(LEVEL, dayFloat) + wave + 0.01 * gaussianish(seed, 'level', epochHour);
  // Flood pulses in the wet season: a 5-day block has a 30 % chance of one.
  const block = Math.floor(day / 5);
  const wet = dayOfYear >= 160 && dayOfYear <= 270;
  const pulse =
    wet && noise(seed, 'flood', block) < 0.3
      ? 1 + 1.5 * Math.sin((Math.PI * ((day % 5) * 24 + hourOfDay)) / 120)
      : 1;
  const inflow = yearly(INFLOW, dayFloat) * (0.85 + 0.3 * noise(seed, 'inflow', day)) * pulse;
  const peakHours = (hourOfDay >= 9 && hourOfDay <= 11) || (hourOfDay >= 17 && hourOfDay <= 21);
  const turbine = Math.min(
    TURBINES_MAX_M3S,
    Math.max(450, 0.9 * Math.min(inflow, TURBINES_MAX_M3S) + (peakHours ? 600 : hourOfDay < 5 ? -300 : 0)),
  );
  const gates =
    inflow > 4500 && waterLevel > 103
      ? Math.min(12, Math.ceil((inflow - TURBINES_MAX_M3S) / BOTTOM_GATE_M3S))
      : 0;
  const spillway = gates * BOTTOM_GATE_M3S;
  return {
    waterLevel: Number(waterLevel.toFixed(2)),
    inflow: Math.round(inflow),
    turbineDischarge: Math.round(turbine),
    spillwayDischarge: spillway,
    totalDischarge: Math.round(turbine + spillway),
    bottomGatesOpen: gates,
  };
}
