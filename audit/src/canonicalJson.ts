import { hash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every level, no whitespace, `undefined` members left
 * out, numbers and strings as JSON.stringify writes them (shortest round-trip form, the same as RFC 8785 for the
 * integers and short decimals a record holds). Two equal records give the same bytes, whichever order their fields
 * were built in, and a record read back from a file or a table re-canonicalizes to the bytes that were hashed.
 * Written with plain loops: it runs once per record on the audit writer.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON');
    default:
      return 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}

/** SHA-256, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot crypto.hash: no Hash object per call, measurably cheaper for the short inputs hashed per record.
  return hash('sha256', data, 'hex');
}
