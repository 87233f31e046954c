/**
 * Time helpers for a system that lives in Vietnam's time zone (UTC+07:00, no daylight saving): instants are kept as
 * `Date` (UTC epoch) inside the simulator and written in local time, the way the one-stop system shows them.
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The wall-clock fields of an instant in +07:00. */
function local(date: Date): Date {
  return new Date(date.getTime() + OFFSET_MS);
}

/** `dd/MM/yyyy` of the local day an instant falls on. */
export function formatDateLocal(date: Date): string {
  const l = local(date);
  return `${pad(l.getUTCDate())}/${pad(l.getUTCMonth() + 1)}/${l.getUTCFullYear()}`;
}

/** `dd/MM/yyyy HH:mm:ss` in local time (+07:00). */
export function formatInstantLocal(date: Date): string {
  const l = local(date);
  return `${formatDateLocal(date)} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}`;
}

/** `yyMMdd` of the local day, as dossier numbers carry it. */
export function compactDateLocal(date: Date): string {
  const l = local(date);
  return `${pad(l.getUTCFullYear() % 100)}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}`;
}

/** The instant of a local wall-clock time (`month` 1-based). */
export function localInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** Parses `dd/MM/yyyy` as the start of that local day; undefined for anything else. */
export function parseDateLocal(value: string): Date | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = localInstant(year, month, day);
  return formatDateLocal(instant) === value.trim() ? instant : undefined;
}

/** The start of the local day after the one `date` falls on (an exclusive end for `denNgay`). */
export function nextLocalDay(date: Date): Date {
  const l = local(date);
  return localInstant(l.getUTCFullYear(), l.getUTCMonth() + 1, l.getUTCDate() + 1);
}

/** Local weekday, 0 = Sunday. */
export function localWeekday(date: Date): number {
  return local(date).getUTCDay();
}

/** Local hour of day. */
export function localHour(date: Date): number {
  return local(date).getUTCHours();
}

/**
 * The due instant of a procedure with `days` working days: 17:00 local on the `days`-th working day after the
 * day of receipt (weekends skipped; public holidays are not modelled).
 */
export function addWorkingDays(received: Date, days: number): Date {
  const l = local(received);
  let cursor = localInstant(l.getUTCFullYear(), l.getUTCMonth() + 1, l.getUTCDate(), 17);
  let left = days;
  while (left > 0) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    const weekday = localWeekday(cursor);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return cursor;
}

/** Moves a weekend instant to the Monday after it, keeping the time of day. */
export function toWorkingDay(date: Date): Date {
  const weekday = localWeekday(date);
  if (weekday === 6) return new Date(date.getTime() + 2 * DAY_MS);
  if (weekday === 0) return new Date(date.getTime() + DAY_MS);
  return date;
}

export const HOUR_MS = 3_600_000;
export { DAY_MS };
