import { describe, expect, it } from '@jest/globals';
import { ErrorCode, httpStatusOf, isErrorCode } from '../src/index.js';

describe('error codes', () => {
  it('gives every code an HTTP status in the 4xx or 5xx range', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf[code]).toBeLessThan(600);
    }
  });

  it('maps the codes of DESIGN.md §7 to their documented statuses', () => {
    expect(httpStatusOf.UNAUTHENTICATED).toBe(401);
    expect(httpStatusOf.FORBIDDEN).toBe(403);
    expect(httpStatusOf.RATE_LIMITED).toBe(429);
    expect(httpStatusOf.UPSTREAM_TIMEOUT).toBe(504);
    expect(httpStatusOf.UPSTREAM_UNAVAILABLE).toBe(503);
    expect(httpStatusOf.UPSTREAM_ERROR).toBe(502);
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
