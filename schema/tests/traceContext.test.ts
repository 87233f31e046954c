import { describe, expect, it } from '@jest/globals';
import { childTraceparent, continueTrace, formatTraceparent, parseTraceparent } from '../src/traceContext.js';

const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('parseTraceparent', () => {
  it('reads a valid version-00 header and keeps its tracestate', () => {
    expect(parseTraceparent(valid, 'congo=t61rcWkgMzE')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: '01',
      traceState: 'congo=t61rcWkgMzE',
    });
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['upper case', valid.toUpperCase()],
    ['version ff', valid.replace(/^00/, 'ff')],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero span id', `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01'],
    ['version 00 with extra fields', `${valid}-extra`],
    ['not hex', '00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01'],
    ['a log-forging attempt', `${valid}\n{"level":60}`],
  ])('refuses a malformed header (%s)', (_case, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('reads a later version by its first four fields', () => {
    expect(parseTraceparent(`cc${valid.slice(2)}-what-the-future-holds`)?.traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('drops a tracestate with control characters', () => {
    expect(parseTraceparent(valid, 'a=b\u0000')?.traceState).toBeUndefined();
  });
});

describe('continueTrace and childTraceparent', () => {
  it('keeps the trace id and flags of a parent, with a new span id', () => {
    const parent = parseTraceparent(valid)!;
    const hop = continueTrace(parent);
    expect(hop.traceId).toBe(parent.traceId);
    expect(hop.flags).toBe('01');
    expect(hop.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(hop.spanId).not.toBe(parent.spanId);
  });

  it('starts a sampled trace without a parent, in a valid format', () => {
    const root = continueTrace(undefined);
    expect(parseTraceparent(formatTraceparent(root))).toEqual(root);
    expect(root.flags).toBe('01');
  });

  it('gives every outgoing call its own span id in the same trace', () => {
    const hop = continueTrace(parseTraceparent(valid.replace(/01$/, '00')));
    const calls = [childTraceparent(hop), childTraceparent(hop)].map((h) => parseTraceparent(h)!);
    expect(calls.map((c) => c.traceId)).toEqual([hop.traceId, hop.traceId]);
    expect(calls[0]!.spanId).not.toBe(calls[1]!.spanId);
    expect(calls.map((c) => c.flags)).toEqual(['00', '00']);
  });
});
