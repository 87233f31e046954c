/** ISO 8601 weeks (`2025-W27`): weeks start on Monday; week 1 holds the year's first Thursday. All dates UTC. */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as a UTC date; undefined for anything else or an impossible date. */
export function parseIsoDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDate(date) !== value ? undefined : date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** The Monday of the ISO week holding `date`. */
export function weekMonday(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7;
  return addDays(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())), -weekday);
}

/** `2025-W27` for a date. */
export function isoWeekOf(date: Date): string {
  const thursday = addDays(weekMonday(date), 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(new Date(Date.UTC(year, 0, 1)), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of `2025-W27`; undefined when the text is not an ISO week that exists. */
export function mondayOfIsoWeek(week: string): Date | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = addDays(weekMonday(jan4), (Number(match[2]) - 1) * 7);
  return isoWeekOf(monday) === week ? monday : undefined;
}
