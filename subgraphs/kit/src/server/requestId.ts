import { randomUUID } from 'node:crypto';

/** What a request id may look like; anything else is replaced, so logs and upstream headers stay clean. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` if it is well-formed, otherwise a fresh UUID. */
export function resolveRequestId(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
