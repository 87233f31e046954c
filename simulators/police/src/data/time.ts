/** Vietnam is UTC+7 all year (no daylight saving). */
const OFFSET_MS = 7 * 3600 * 1000;

/** The system's time format: local time without offset (`2025-03-04T08:15:00`), as the old .NET service sends it. */
export function localDateTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19);
}

/** The local calendar date (`2025-03-04`) of an instant. */
export function localDate(instant: Date): string {
  return localDateTime(instant).slice(0, 10);
}

/** The instant at local midnight starting `date` (`yyyy-MM-dd`). */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** The day of the administrative reform: from it on, records carry the new communes (Phú Thọ, code 25). */
export const REFORM_DATE = '2025-07-01';

/** The 18 months of incident and accident records: July 2024 to December 2025, spanning the reform. */
export const RECORDS_FROM = '2024-07-01';
export const RECORDS_TO = '2025-12-31';
