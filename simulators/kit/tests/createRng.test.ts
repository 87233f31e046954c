import { describe, expect, it } from '@jest/globals';
import { createRng, formatDateVn } from '../src/index.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return [rng.int(0, 1000), rng.pick(['a', 'b', 'c']), rng.float(0, 10), rng.personName().fullName];
    };
    expect(draw(17)).toEqual(draw(17));
    expect(draw('hoa-binh')).toEqual(draw('hoa-binh'));
    expect(draw(17)).not.toEqual(draw(18));
  });

  it('keeps ints within bounds, inclusive', () => {
    const rng = createRng(1);
    const values = new Set(Array.from({ length: 500 }, () => rng.int(3, 5)));
    expect([...values].sort()).toEqual([3, 4, 5]);
  });

  it('forks independent generators by label', () => {
    expect(createRng(5).fork('police').int(0, 1e9)).toEqual(createRng(5).fork('police').int(0, 1e9));
    expect(createRng(5).fork('police').int(0, 1e9)).not.toEqual(createRng(5).fork('health').int(0, 1e9));
  });

  it('makes phone numbers 09 followed by 8 digits', () => {
    const rng = createRng(2);
    for (let index = 0; index < 50; index += 1) expect(rng.phone()).toMatch(/^09\d{8}$/);
  });

  it('makes CCCD numbers from province, century/sex, birth year and 6 digits', () => {
    const rng = createRng(3);
    expect(rng.cccd({ sex: 'female', birthYear: 1985 })).toMatch(/^017185\d{6}$/);
    expect(rng.cccd({ sex: 'male', birthYear: 2003, provinceCode: '025' })).toMatch(/^025203\d{6}$/);
    expect(rng.cccd()).toMatch(/^017[0-3]\d{8}$/);
  });

  it('makes Vietnamese names with diacritics matching the sex asked for', () => {
    const rng = createRng(4);
    const name = rng.personName('female');
    expect(name.sex).toBe('female');
    expect(name.fullName.split(' ')).toHaveLength(3);
  });

  it('draws dates within the range', () => {
    const rng = createRng(6);
    const from = new Date('2025-01-01T00:00:00Z');
    const to = new Date('2025-12-31T00:00:00Z');
    const date = rng.date(from, to);
    expect(date.getTime()).toBeGreaterThanOrEqual(from.getTime());
    expect(date.getTime()).toBeLessThanOrEqual(to.getTime());
  });

  it('formats dates as dd/MM/yyyy', () => {
    expect(formatDateVn(new Date('2025-07-01T00:00:00Z'))).toBe('01/07/2025');
  });
});
