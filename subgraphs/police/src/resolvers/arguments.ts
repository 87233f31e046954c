import { badInput } from '../upstream/errors.js';
import type { BoundingBox, Period } from '../upstream/model.js';

const DAY_MS = 86_400_000;

/** Largest span of camera events one call may ask for (the police system refuses more). */
export const MAX_EVENT_PERIOD_DAYS = 31;
/** How far back live alerts reach. */
export const MAX_ALERT_AGE_DAYS = 7;

function daysIn(period: Period): number {
  return (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1;
}

/** A period whose `from` is not after `to` (both inclusive), and at most `maxDays` long when given. */
export function checkPeriod(period: Period, maxDays?: number): Period {
  if (period.from > period.to) throw badInput('period.from must not be after period.to');
  if (maxDays !== undefined && daysIn(period) > maxDays) {
    throw badInput(`period may span at most ${maxDays} days`);
  }
  return { from: period.from, to: period.to };
}

export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max)
    throw badInput(`${name} must be between ${min} and ${max}`);
  return value;
}

export function checkBoundingBox(box: BoundingBox | null | undefined): BoundingBox | null {
  if (!box) return null;
  if (box.minLatitude > box.maxLatitude || box.minLongitude > box.maxLongitude) {
    throw badInput('bbox minimum must not exceed its maximum');
  }
  checkRange('bbox latitude', box.minLatitude, -90, 90);
  checkRange('bbox latitude', box.maxLatitude, -90, 90);
  checkRange('bbox longitude', box.minLongitude, -180, 180);
  checkRange('bbox longitude', box.maxLongitude, -180, 180);
  return box;
}

/** `since` of live alerts: at most 7 days back. */
export function checkSince(since: string, nowMs: number): number {
  const sinceMs = Date.parse(since);
  if (nowMs - sinceMs > MAX_ALERT_AGE_DAYS * DAY_MS)
    throw badInput(`since may be at most ${MAX_ALERT_AGE_DAYS} days ago`);
  return sinceMs;
}
