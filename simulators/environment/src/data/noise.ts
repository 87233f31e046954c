/**
 * Stateless deterministic noise: the same inputs always give the same number in [0, 1). Readings are a pure
 * function of (seed, station, hour), so any window of "the last 4 weeks" is reproducible without storing it.
 */
export function noise(seed: number, ...parts: (number | string)[]): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const part of parts) {
    const text = String(part);
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2f;
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so nearby inputs do not give nearby outputs.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}

/** Roughly normal noise (sum of three uniforms), mean 0, standard deviation about 0.5. */
export function gaussianish(seed: number, ...parts: (number | string)[]): number {
  return noise(seed, ...parts, 'a') + noise(seed, ...parts, 'b') + noise(seed, ...parts, 'c') - 1.5;
}

export const HOUR_MS = 3_600_000;

/** Local (UTC+07:00) hour of day and day-of-year of an epoch hour. */
export function localTime(epochHour: number): { hourOfDay: number; dayOfYear: number; day: number } {
  const local = new Date((epochHour + 7) * HOUR_MS);
  const startOfYear = Date.UTC(local.getUTCFullYear(), 0, 1);
  return {
    hourOfDay: local.getUTCHours(),
    dayOfYear: Math.floor((local.getTime() - startOfYear) / 86_400_000),
    day: Math.floor((epochHour + 7) / 24),
  };
}

/** `2026-11-25T14:00:00+07:00`: the system's timestamp format. */
export function formatVnTime(epochMs: number): string {
  return `${new Date(epochMs + 7 * HOUR_MS).toISOString().slice(0, 19)}+07:00`;
}
