// The scalars of schema/subgraph-header.graphql, implemented once for every subgraph: output as the upstream
// sends them, input validated (a bad value is BAD_USER_INPUT, never an internal error).
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  // Rejects 2025-02-30, which Date.UTC would roll over to March.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value) && isCalendarDate(value)) return value;
  throw invalid('Date must be a calendar date YYYY-MM-DD');
}

function parseDateTime(value: unknown): string {
  if (
    typeof value === 'string' &&
    DATE_TIME.test(value) &&
    isCalendarDate(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return value;
  }
  throw invalid('DateTime must be ISO 8601 with an offset, e.g. 2025-07-01T08:00:00+07:00');
}

/** `Date` of the subgraph header: ISO calendar dates, validated on input. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** `DateTime` of the subgraph header: instants with an explicit offset (never a bare local time). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time, ISO 8601 with offset (e.g. 2025-07-01T08:00:00+07:00).',
  serialize: (value) => value,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
