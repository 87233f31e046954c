import type { Reading, Station } from '../upstream/mapping.js';
import { formatVnTime, HOUR_MS } from '../upstream/vnTime.js';
import { bandOf, hourlyAqi, type AqiBand, type AqiPollutant } from './vnAqi.js';

export interface StationAqi {
  value: number;
  band: AqiBand;
  label: string;
  colour: { red: number; green: number; blue: number; hex: string };
  dominantPollutant: AqiPollutant;
  observedAt: string;
  subIndices: { parameter: AqiPollutant; concentration: number; value: number }[];
  station: Station;
}

const POLLUTANTS: readonly AqiPollutant[] = ['PM2_5', 'PM10', 'NO2', 'SO2', 'CO', 'O3'];

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((part) => part.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

/**
 * The hourly VN-AQI of an air station for the hour starting at `hourMs`, from its readings of the 12 hours up to
 * it; null for a water station or when dust data is too thin (see `nowCast`).
 */
export function computeStationAqi(
  station: Station,
  hourMs: number,
  readings: readonly Reading[],
): StationAqi | null {
  if (station.type !== 'AIR') return null;
  const byHour = new Map(readings.map((reading) => [reading.at, reading]));
  const series: Partial<Record<AqiPollutant, (number | null)[]>> = {};
  for (const pollutant of POLLUTANTS) {
    series[pollutant] = Array.from(
      { length: 12 },
      (_, index) => byHour.get(hourMs - index * HOUR_MS)?.values[pollutant] ?? null,
    );
  }
  const result = hourlyAqi(series);
  if (!result) return null;
  const band = bandOf(result.value);
  const [red, green, blue] = band.rgb;
  return {
    value: result.value,
    band: result.band,
    label: band.label,
    colour: { red, green, blue, hex: hex(band.rgb) },
    dominantPollutant: result.dominant,
    observedAt: formatVnTime(hourMs),
    subIndices: result.subIndices.map((entry) => ({
      parameter: entry.pollutant,
      concentration: Number(entry.concentration.toFixed(1)),
      value: entry.value,
    })),
    station,
  };
}
