import type { AirProfile, EnvStation } from './stations.js';
import { gaussianish, localTime, noise } from './noise.js';

/** Parameter code → value (µg/m³ for air, CO included; mg/L for water, pH unitless); null when the sensor failed. */
export type ReadingValues = Record<string, number | null>;

const AIR_BASE: Readonly<
  Record<AirProfile, { pm25: number; no2: number; so2: number; co: number; o3: number }>
> = {
  urban: { pm25: 22, no2: 24, so2: 9, co: 900, o3: 1 },
  traffic: { pm25: 27, no2: 36, so2: 10, co: 1300, o3: 0.8 },
  industrial: { pm25: 30, no2: 28, so2: 30, co: 1000, o3: 0.9 },
  rural: { pm25: 17, no2: 10, so2: 6, co: 600, o3: 1.1 },
  background: { pm25: 11, no2: 5, so2: 4, co: 400, o3: 1.25 },
};

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
const bump = (hour: number, centre: number, width: number): number =>
  Math.exp(-((hour - centre) ** 2) / width);

/** Dry-season haze: highest in mid-January, lowest in mid-July. */
function seasonal(dayOfYear: number): number {
  return 1 + 0.35 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365);
}

/** Day-to-day weather (wind, rain), interpolated through the day so hours change smoothly. */
function weather(seed: number, region: string, epochHour: number): number {
  const dayFloat = (epochHour + 7) / 24;
  const day = Math.floor(dayFloat);
  const fraction = dayFloat - day;
  const today = noise(seed, 'weather', region, day);
  const tomorrow = noise(seed, 'weather', region, day + 1);
  return 0.7 + 0.6 * (today * (1 - fraction) + tomorrow * fraction);
}

/**
 * Pollution episodes (straw burning after harvest, night inversions): on about one day in eight a region gets an
 * episode of 8–30 hours whose factor rises to 1.8–3.4 and falls back.
 */
export function episodeFactor(
  seed: number,
  kind: string,
  region: string,
  epochHour: number,
  rate: number,
): number {
  const { day } = localTime(epochHour);
  let factor = 1;
  for (const startDay of [day - 1, day]) {
    if (noise(seed, kind, region, startDay) >= rate) continue;
    const start = startDay * 24 - 7 + Math.floor(noise(seed, kind, 'start', region, startDay) * 24);
    const duration = 8 + Math.floor(noise(seed, kind, 'duration', region, startDay) * 22);
    if (epochHour < start || epochHour >= start + duration) continue;
    const peak = 1.8 + 1.6 * noise(seed, kind, 'peak', region, startDay);
    factor = Math.max(factor, 1 + (peak - 1) * Math.sin((Math.PI * (epochHour - start + 0.5)) / duration));
  }
  return factor;
}

function airValues(seed: number, station: EnvStation, epochHour: number): ReadingValues {
  const base = AIR_BASE[station.profile as AirProfile];
  const { hourOfDay: h, dayOfYear } = localTime(epochHour);
  const season = seasonal(dayOfYear);
  const wx = weather(seed, station.region, epochHour);
  const episode = episodeFactor(seed, 'air-episode', station.region, epochHour, 0.15);
  const rush = 0.75 + 0.55 * bump(h, 7.5, 3) + 0.65 * bump(h, 18, 4);
  const inversion = h >= 21 || h <= 6 ? 1.25 : 1;
  const g = (name: string): number => gaussianish(seed, station.stationId, epochHour, name);
  const pm25 = base.pm25 * season * inversion * (0.8 + 0.3 * rush) * wx * episode * (1 + 0.15 * g('pm25'));
  const coarse = station.profile === 'industrial' ? 1.9 : 1.6;
  const sun = Math.max(0, Math.sin((Math.PI * (h - 6)) / 13));
  return {
    'PM2.5': round(Math.max(2, pm25), 1),
    PM10: round(Math.max(4, pm25 * (coarse + 0.25 * noise(seed, station.stationId, epochHour, 'pm10'))), 1),
    NO2: round(Math.max(1, base.no2 * rush * Math.sqrt(wx) * episode ** 0.6 * (1 + 0.2 * g('no2'))), 1),
    SO2: round(Math.max(1, base.so2 * Math.sqrt(wx) * episode ** 0.5 * (1 + 0.25 * g('so2'))), 1),
    CO: Math.round(Math.max(150, base.co * rush * Math.sqrt(season) * episode ** 0.7 * (1 + 0.15 * g('co')))),
    O3: round(Math.max(2, (15 + 80 * sun) * base.o3 * (1.3 - 0.3 * season) * (1 + 0.15 * g('o3'))), 1),
  };
}

const WATER_BASE: Readonly<Record<string, { bod5: number; nh4: number; tss: number }>> = {
  'Sông Đà': { bod5: 3.2, nh4: 0.1, tss: 28 },
  'Hồ thủy điện Hòa Bình': { bod5: 2.4, nh4: 0.06, tss: 9 },
  'Sông Bùi': { bod5: 4.8, nh4: 0.2, tss: 35 },
  'Sông Bôi': { bod5: 3.8, nh4: 0.14, tss: 32 },
  'Sông Bưởi': { bod5: 3.6, nh4: 0.13, tss: 30 },
};

function waterValues(seed: number, station: EnvStation, epochHour: number): ReadingValues {
  const base = WATER_BASE[station.waterBody ?? ''] ?? { bod5: 3.5, nh4: 0.12, tss: 30 };
  const { hourOfDay: h, dayOfYear } = localTime(epochHour);
  // Photosynthesis lifts pH and dissolved oxygen in the afternoon.
  const daylight = Math.sin((2 * Math.PI * (h - 8)) / 24);
  const discharge = episodeFactor(seed, 'water-episode', station.region, epochHour, 0.08);
  const rainySeason = 1 + 1.2 * Math.max(0, Math.sin((2 * Math.PI * (dayOfYear - 120)) / 365));
  const g = (name: string): number => gaussianish(seed, station.stationId, epochHour, name);
  const bod5 = base.bod5 * discharge * (1 + 0.12 * g('bod5'));
  return {
    pH: round(7.35 + 0.2 * daylight + 0.12 * g('ph'), 2),
    DO: round(Math.max(1.5, 6.9 + 0.7 * daylight - 0.9 * (discharge - 1) + 0.2 * g('do')), 2),
    COD: round(bod5 * (2.1 + 0.2 * g('cod')), 2),
    BOD5: round(bod5, 2),
    TSS: round(Math.max(2, base.tss * rainySeason * Math.sqrt(discharge) * (1 + 0.2 * g('tss'))), 1),
    'NH4+': round(Math.max(0.01, base.nh4 * discharge ** 1.4 * (1 + 0.2 * g('nh4'))), 3),
  };
}

/**
 * The station's reading for one hour, or null when it sent none: an OFFLINE station has been silent for the last
 * 30 hours, a station in MAINTENANCE lost 8 hours two days ago; any sensor fails now and then (value null).
 */
export function readingValues(
  seed: number,
  station: EnvStation,
  epochHour: number,
  nowHour: number,
): ReadingValues | null {
  if (station.status === 'OFFLINE' && epochHour > nowHour - 30) return null;
  if (station.status === 'MAINTENANCE' && epochHour > nowHour - 56 && epochHour <= nowHour - 48) return null;
  const values =
    station.stationType === 'AIR'
      ? airValues(seed, station, epochHour)
      : waterValues(seed, station, epochHour);
  for (const parameter of Object.keys(values)) {
    if (noise(seed, 'sensor-gap', station.stationId, epochHour, parameter) < 0.008) values[parameter] = null;
  }
  return values;
}
