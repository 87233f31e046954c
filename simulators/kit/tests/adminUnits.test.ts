import { describe, expect, it } from '@jest/globals';
import { adminUnits } from '../src/adminUnits.js';

describe('adminUnits', () => {
  it('holds the former Hòa Bình province with its 10 districts and 151 communes', () => {
    expect(adminUnits.oldProvince).toMatchObject({ code: '17', name: 'Tỉnh Hòa Bình', level: 'PROVINCE' });
    expect(adminUnits.oldDistricts).toHaveLength(10);
    expect(adminUnits.oldCommunes).toHaveLength(151);
    expect(
      adminUnits.oldCommunes.every((c) => adminUnits.oldDistricts.some((d) => d.code === c.parentCode)),
    ).toBe(true);
  });

  it('holds the 46 successor communes of Phú Thọ, valid from 2025-07-01', () => {
    expect(adminUnits.newCommunes).toHaveLength(46);
    expect(adminUnits.newCommunes[0]).toMatchObject({
      provinceCode: '25',
      parentCode: '25',
      validFrom: '2025-07-01',
    });
  });

  it('tells apart two versions that share a code', () => {
    const versions = adminUnits.all.filter((u) => u.code === '04795');
    expect(versions.map((u) => [u.version, u.name])).toEqual([
      ['OLD', 'Phường Thịnh Lang'],
      ['NEW', 'Phường Hòa Bình'],
    ]);
  });

  it('links every old commune to at least one new commune', () => {
    const linked = new Set(adminUnits.lineage.map((l) => l.from));
    expect(adminUnits.oldCommunes.filter((c) => !linked.has(c.code))).toEqual([]);
  });
});
