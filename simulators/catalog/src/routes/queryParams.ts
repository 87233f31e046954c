import { json, type SimReply } from '@lgsp/simulator-kit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A 400 in the service's error shape. */
export function badRequest(message: string): SimReply {
  return json({ error: 'INVALID_ARGUMENT', message }, 400);
}

/** `?asOf=YYYY-MM-DD`, or undefined when absent; `null` when malformed. */
export function readDate(query: URLSearchParams, name: string): string | undefined | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  return DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

/** A comma-separated list (`codes=a,b,c`), empty entries dropped. */
export function readList(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Today's date in Vietnam (UTC+07:00), the service's notion of "current". */
export function todayInVietnam(nowMs: number): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
}
