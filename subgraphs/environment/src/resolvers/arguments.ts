import { GraphQLError } from 'graphql';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

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
