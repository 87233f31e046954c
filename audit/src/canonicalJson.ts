import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every level, no whitespace, `undefined` members left
 * out, numbers and strings as JSON.stringify writes them (shortest round-trip form, the same as RFC 8785 for the
 * integers and short decimals a record holds). Two equal records give the same bytes, whichever order their fields
 * were built in, and a record read back from a file or a table re-canonicalizes to the bytes that were hashed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonicalJson: non-finite number');
    if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint is not JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const member = (value as Record<string, unknown>)[key];
      return member === undefined || typeof member === 'function'
        ? []
        : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
    });
  return `{${entries.join(',')}}`;
}

/** SHA-256, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
