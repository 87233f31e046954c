/** Today's date in Vietnam (UTC+07:00), which decides whether a unit is current. */
export function todayInVietnam(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a validity period contains `date`; open ends are unbounded. */
export function isValidOn(
  period: { validFrom: string | null; validTo: string | null },
  date: string,
): boolean {
  return (
    (period.validFrom === null || period.validFrom <= date) &&
    (period.validTo === null || date <= period.validTo)
  );
}
