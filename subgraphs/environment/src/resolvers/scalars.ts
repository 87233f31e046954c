import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw badInput('DateTime must be ISO 8601 with an offset, e.g. 2025-07-01T08:00:00+07:00');
}

/** `DateTime` of the subgraph header: instants with an offset; output as the system sends them (+07:00). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A point in time, ISO 8601 with offset (e.g. 2025-07-01T08:00:00+07:00).',
  serialize: (value) => value,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** `Date` of the subgraph header (this subgraph only outputs dates). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    throw badInput('Date must be YYYY-MM-DD');
  },
});

const MAX_RANGE_MS = 31 * 86_400_000;

/** Checks a [from, to] argument pair: ordered and at most 31 days (what the system serves per request). */
export function readRange(from: string, to: string): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (toMs < fromMs) throw badInput('to must not be before from');
  if (toMs - fromMs > MAX_RANGE_MS) throw badInput('a range may span at most 31 days');
  return { fromMs, toMs };
}

export function readFirst(first: number | null | undefined, fallback: number, max: number): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw badInput(`first must be between 1 and ${max}`);
  return value;
}
