const HOUR_MS = 3_600_000;

/** `2026-11-25T14:00:00+07:00`: instants as the monitoring system and the hub's DateTime scalar write them. */
export function formatVnTime(epochMs: number): string {
  return `${new Date(epochMs + 7 * HOUR_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The start of the hour containing `epochMs`. */
export function floorHour(epochMs: number): number {
  return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
}

export { HOUR_MS };
