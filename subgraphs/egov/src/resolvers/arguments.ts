import type { Period } from '../model.js';
import { badUserInput } from '../upstream/errors.js';

/** Most unit codes one batch call takes (all 209 unit versions of the province fit). */
export const MAX_UNIT_CODES = 250;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks a `PeriodInput`: two real dates, `from` not after `to`. */
export function checkPeriod(period: Period, argument = 'period'): Period {
  if (!isDate(period.from) || !isDate(period.to)) throw badUserInput(argument, 'dates must be YYYY-MM-DD');
  if (period.from > period.to) throw badUserInput(argument, '`from` is after `to`');
  return { from: period.from, to: period.to };
}

/** The default period of the per-unit fields: 1 January of the current year to today, in Vietnam (+07:00). */
export function defaultPeriod(now: Date): Period {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Checks unit codes (GSO codes: 2, 3 or 5 digits), dropping duplicates but keeping the order. */
export function checkUnitCodes(codes: readonly string[], argument: string): string[] {
  if (codes.length > MAX_UNIT_CODES) throw badUserInput(argument, `at most ${MAX_UNIT_CODES} unit codes`);
  for (const code of codes) {
    if (!/^(\d{2}|\d{3}|\d{5})$/.test(code)) throw badUserInput(argument, 'unit codes are 2, 3 or 5 digits');
  }
  return [...new Set(codes)];
}

/** Checks a page size. */
export function checkFirst(first: number, max: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput(argument, `must be 1–${max}`);
  return first;
}

const CURSOR_PREFIX = 'egov:';

/** An opaque cursor: the number of items before the next one. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0 || offset > 1_000_000) {
    throw badUserInput('after', 'not a cursor of this list');
  }
  return offset;
}
