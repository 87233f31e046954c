import { ErrorCode } from '@lgsp/schema';
import { GraphQLError } from 'graphql';

/** Reported weeks go back 18 months. */
export const MAX_WEEKS = 78;
export const MAX_PER_PAGE = 100;

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

/**
 * A personal identification number (CCCD): 12 digits. The message never repeats the value: it is personal data,
 * and error messages end up in logs.
 */
export function requireCccd(value: string): string {
  const trimmed = value.trim();
  if (!/^\d{12}$/.test(trimmed)) {
    throw badUserInput(
      `cccd must be a personal identification number of exactly 12 digits (got ${trimmed.length} characters` +
        `${/\D/.test(trimmed) ? ', not all digits' : ''})`,
    );
  }
  return trimmed;
}

/** An optional `Date` argument (YYYY-MM-DD, a real calendar day). */
export function optionalDate(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badUserInput(`${name} must be a date YYYY-MM-DD`);
  }
  return value;
}

export function requireRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** An optional ISO week argument (`2025-W27`). */
export function optionalIsoWeek(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(value))
    throw badUserInput(`${name} must be an ISO week like 2025-W27`);
  return value;
}
