import { describe, expect, it } from '@jest/globals';
import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar } from '../src/headerScalars.js';

describe('the subgraph header scalars', () => {
  it('accepts calendar dates and refuses impossible ones as BAD_USER_INPUT', () => {
    expect(DateScalar.parseValue('2025-07-01')).toBe('2025-07-01');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
    for (const bad of ['2025-02-30', '2025-13-01', '01/07/2025', 20250701]) {
      expect(() => DateScalar.parseValue(bad)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
      );
    }
  });

  it('accepts instants only with an explicit offset', () => {
    expect(DateTimeScalar.parseValue('2025-07-01T08:00:00+07:00')).toBe('2025-07-01T08:00:00+07:00');
    expect(DateTimeScalar.parseValue('2025-07-01T01:00:00Z')).toBe('2025-07-01T01:00:00Z');
    for (const bad of ['2025-07-01T08:00:00', '2025-02-30T08:00:00+07:00', '2025-07-01']) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/DateTime must be ISO 8601/);
    }
  });
});
