import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Prefix of a keyed hash that replaces a personal-data value inside `variables`. */
export const KEYED_HASH_PREFIX = 'hmac:';

/** Smallest accepted audit key: 32 bytes, the output size of SHA-256. */
export const MIN_KEY_BYTES = 32;

export interface KeyedHasher {
  /** Fingerprint of the key (HMAC of a fixed label, 16 hex), written in records so auditors know which key applies. */
  readonly keyId: string;
  /** HMAC-SHA-256(key, normalized value), lower-case hex. */
  hash(value: string | number): string;
}

/**
 * Values are normalized before hashing so that the gateway and an auditor typing an identifier get the same hash:
 * Unicode NFC, surrounding whitespace removed. Nothing else (no case folding): identifiers are compared as written.
 */
export function normalizeIdentifier(value: string | number): string {
  return String(value).normalize('NFC').trim();
}

export function createKeyedHasher(key: Uint8Array): KeyedHasher {
  if (key.byteLength < MIN_KEY_BYTES)
    throw new RangeError(`audit key must be at least ${MIN_KEY_BYTES} bytes`);
  // One KeyObject for all hashes: building it from raw bytes on every call costs more than the HMAC itself.
  const secret = createSecretKey(Buffer.from(key));
  const keyId = createHmac('sha256', secret).update('lgsp-audit key id').digest('hex').slice(0, 16);
  return {
    keyId,
    hash: (value) => createHmac('sha256', secret).update(normalizeIdentifier(value)).digest('hex'),
  };
}

/** Reads a key written as base64 (standard or url-safe) or as hex; surrounding whitespace is ignored. */
export function decodeKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const bytes =
    /^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0
      ? Buffer.from(trimmed, 'hex')
      : Buffer.from(trimmed, 'base64');
  if (bytes.byteLength < MIN_KEY_BYTES)
    throw new RangeError(`audit key must decode to at least ${MIN_KEY_BYTES} bytes`);
  return bytes;
}

/** Reads the key file, or creates it (32 random bytes, base64, mode 0600) when absent: the development default. */
export async function loadOrCreateKeyFile(path: string): Promise<{ key: Uint8Array; created: boolean }> {
  try {
    return { key: decodeKey(await readFile(path, 'utf8')), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(MIN_KEY_BYTES);
  await mkdir(dirname(path), { recursive: true });
  // flag wx: two processes starting together must not overwrite each other's key.
  try {
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: decodeKey(await readFile(path, 'utf8')), created: false };
    throw error;
  }
  await chmod(path, 0o600);
  return { key, created: true };
}
