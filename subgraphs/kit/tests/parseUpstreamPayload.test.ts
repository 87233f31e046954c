import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { parseUpstreamPayload } from '../src/index.js';

const facility = z.object({ ma: z.string(), soGiuong: z.number() });

describe('parseUpstreamPayload', () => {
  it('returns the parsed payload when it has the expected shape', () => {
    expect(parseUpstreamPayload('health', facility, { ma: 'F1', soGiuong: 3, extra: true })).toEqual({
      ma: 'F1',
      soGiuong: 3,
    });
  });

  it('fails with UPSTREAM_ERROR (malformed) without quoting the payload', () => {
    let caught: unknown;
    try {
      parseUpstreamPayload('health', facility, { ma: '0912345678', soGiuong: 'many' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'malformed', upstream: 'health' });
    expect((caught as Error).message).not.toContain('0912345678');
    expect((caught as Error).message).not.toContain('many');
  });
});
