// Worked examples derived by hand from the tables and formulas of Decision 1459/QĐ-TCMT.
import { describe, expect, it } from '@jest/globals';
import { bandOf, hourlyAqi, nowCast, subIndex } from '../src/aqi/vnAqi.js';

describe('VN-AQI sub-index (linear interpolation on Table 2)', () => {
  it('PM2.5 35.5 µg/m³ lies between BP 25 (I 50) and 50 (I 100): 50 + 50/25 × 10.5 = 71', () => {
    expect(subIndex('PM2_5', 35.5)).toBe(71);
  });

  it('PM10 200 µg/m³ lies between 150 (100) and 250 (150): 100 + 0.5 × 50 = 125', () => {
    expect(subIndex('PM10', 200)).toBe(125);
  });

  it('NO2 450 µg/m³ lies between 200 (100) and 700 (150): 100 + 50/500 × 250 = 125', () => {
    expect(subIndex('NO2', 450)).toBe(125);
  });

  it('CO 20 000 µg/m³ lies between 10 000 (50) and 30 000 (100): 75', () => {
    expect(subIndex('CO', 20_000)).toBe(75);
  });

  it('O3 180 µg/m³ (1 h) lies between 160 (50) and 200 (100): 75; SO2 at a breakpoint gives its index', () => {
    expect(subIndex('O3', 180)).toBe(75);
    expect(subIndex('SO2', 350)).toBe(100);
    expect(subIndex('SO2', 0)).toBe(0);
  });

  it('caps at 500 above the last breakpoint and ignores missing values', () => {
    expect(subIndex('PM2_5', 700)).toBe(500);
    expect(subIndex('PM2_5', null)).toBeNull();
  });
});

describe('NowCast for dust', () => {
  it('with w* ≤ 1/2 weighs hour i by (1/2)^i', () => {
    // c = 60, 50, 40, then nine hours of 30: w* = 30/60 = 0.5 → w = 1/2
    // NowCast = 30 + 12.5 + 5 + 30 × (1/8 − 1/4096) = 51.24267578125
    const hours = [60, 50, 40, 30, 30, 30, 30, 30, 30, 30, 30, 30];
    expect(nowCast(hours)).toBeCloseTo(51.24267578125, 10);
  });

  it('with w* > 1/2 takes the weighted mean with weights w^(i−1)', () => {
    // c = 50, 40, then ten hours of 40: w = 0.8; Σw^(i−1) = (1 − 0.8^12)/0.2 = 4.656402...
    // numerator = 50 + 40 × (Σw^(i−1) − 1) → NowCast = 40 + 10 / 4.6564026...
    const hours = [50, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40];
    const sum = (1 - 0.8 ** 12) / 0.2;
    expect(nowCast(hours)).toBeCloseTo(40 + 10 / sum, 10);
  });

  it('is the value itself for a constant series', () => {
    expect(nowCast(Array(12).fill(42))).toBeCloseTo(42, 10);
  });

  it('drops missing hours from both sums', () => {
    // c1 = 40, c2 missing, c3 = 40, rest 40: constant over present hours → 40
    expect(nowCast([40, null, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40])).toBeCloseTo(40, 10);
  });

  it('needs two of the three most recent hours', () => {
    expect(nowCast([40, null, null, 40, 40, 40, 40, 40, 40, 40, 40, 40])).toBeNull();
    expect(nowCast([null, 40, 40])).toBeCloseTo(40, 10);
  });
});

describe('hourly VN-AQI', () => {
  it('is the largest sub-index, names the dominant pollutant and its band', () => {
    const pm25 = [60, 50, 40, 30, 30, 30, 30, 30, 30, 30, 30, 30]; // NowCast 51.24 → 102
    const result = hourlyAqi({ PM2_5: pm25, PM10: Array(12).fill(80), NO2: [150], CO: [5000], O3: [100] });
    // PM10 80 → 50 + 50/100 × 30 = 65; NO2 150 → 75; CO 5000 → 25; O3 100 → 31.25 → 31
    expect(result).toMatchObject({ value: 102, band: 'POOR', dominant: 'PM2_5' });
    expect(result?.subIndices.map((s) => [s.pollutant, s.value])).toEqual([
      ['PM2_5', 102],
      ['PM10', 65],
      ['NO2', 75],
      ['CO', 25],
      ['O3', 31],
    ]);
  });

  it('lets a gas dominate when its sub-index is highest', () => {
    const result = hourlyAqi({ PM10: Array(12).fill(40), NO2: [450] }); // PM10 40 → 40; NO2 → 125
    expect(result).toMatchObject({ value: 125, dominant: 'NO2', band: 'POOR' });
  });

  it('has no value without PM2.5 or PM10', () => {
    expect(hourlyAqi({ NO2: [450], O3: [100] })).toBeNull();
    expect(hourlyAqi({ PM2_5: [30, null, null], NO2: [450] })).toBeNull();
  });

  it('maps values to the bands of Table 1', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((v) => bandOf(v).band)).toEqual([
      'GOOD',
      'GOOD',
      'MODERATE',
      'MODERATE',
      'POOR',
      'POOR',
      'BAD',
      'BAD',
      'VERY_BAD',
      'VERY_BAD',
      'HAZARDOUS',
      'HAZARDOUS',
    ]);
    expect(bandOf(175)).toMatchObject({ label: 'Xấu', rgb: [255, 0, 0] });
  });
});
