import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    const [year, month, day] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year!, month! - 1, day!));
    // Rejects 2025-02-30, which Date.parse would roll over to March.
    if (date.getUTCDate() === day) return value;
  }
  throw new GraphQLError('Date must be a calendar date YYYY-MM-DD', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** `Date` of the subgraph header: ISO calendar dates, validated on input. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

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
