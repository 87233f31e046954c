import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SimulatorServer } from '@lgsp/simulator-kit';
import { createCatalogSimulator } from '../src/index.js';
import { foldText } from '../src/data/foldText.js';

let simulator: SimulatorServer;

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.url}/api/v1${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface UnitBody {
  unitCode: string;
  unitName: string;
  unitType: string;
  levelCode: number;
  parentCode: string | null;
  expiryDate: string | null;
  predecessors: { unitCode: string; relation: string }[];
  successors: { unitCode: string; relation: string }[];
}

beforeAll(async () => {
  simulator = await createCatalogSimulator({ now: () => Date.parse('2026-01-15T03:00:00Z') });
});
afterAll(() => simulator.close());

describe('catalog simulator: units', () => {
  it('answers a code without a date with its newest version, and with asOf with the version of that day', async () => {
    const newest = await get('/units/04795');
    expect(newest.body).toMatchObject({ unitName: 'Phường Hòa Bình', parentCode: '25', expiryDate: null });
    const old = await get('/units/04795?asOf=2025-06-30');
    expect(old.body).toMatchObject({
      unitName: 'Phường Thịnh Lang',
      parentCode: '148',
      expiryDate: '2025-06-30',
    });
  });

  it('keeps an expired code without successor version reachable without a date', async () => {
    const { body } = await get('/units/04798');
    expect(body).toMatchObject({ unitName: 'Phường Hữu Nghị', expiryDate: '2025-06-30' });
    expect((body as unknown as UnitBody).successors).toEqual([
      expect.objectContaining({ unitCode: '04795', relation: 'FULL' }),
    ]);
  });

  it('marks a split commune as a PARTIAL predecessor of each new commune', async () => {
    const { body } = await get('/units:batchGet?codes=04828,04891');
    const units = body.units as UnitBody[];
    expect(units.map((unit) => unit.unitName)).toEqual(['Phường Thống Nhất', 'Xã Tiền Phong']);
    for (const unit of units) {
      expect(unit.predecessors).toContainEqual(
        expect.objectContaining({ unitCode: '04891', relation: 'PARTIAL' }),
      );
    }
  });

  it('batch-reads codes in order and leaves unknown codes out', async () => {
    const { body } = await get('/units:batchGet?codes=159,99999,17&asOf=2025-01-01');
    expect((body.units as UnitBody[]).map((unit) => unit.unitCode)).toEqual(['159', '17']);
  });

  it('lists the 151 old communes on 2025-06-30 and the 46 new ones today, with paging in the body', async () => {
    const old = await get('/units?levelCode=3&asOf=2025-06-30&pageSize=100&page=2');
    expect(old.body).toMatchObject({ total: 151, page: 2, pageSize: 100 });
    expect(old.body.items).toHaveLength(51);
    const current = await get('/units?levelCode=3');
    expect(current.body.total).toBe(46);
  });

  it('lists children of several parents in one call', async () => {
    const { body } = await get('/units?parentCode=156,158&asOf=2025-06-30&pageSize=500');
    const parents = new Set((body.items as UnitBody[]).map((unit) => unit.parentCode));
    expect(parents).toEqual(new Set(['156', '158']));
  });

  it('searches names without diacritics, đ included, current units first', async () => {
    const { body } = await get(`/units:search?q=${encodeURIComponent('DA BAC')}`);
    expect((body.items as UnitBody[]).map((unit) => unit.unitName)).toEqual([
      'Xã Đà Bắc',
      'Huyện Đà Bắc',
      'Thị trấn Đà Bắc',
    ]);
  });

  it('answers 404 for an unknown code and 400 for a malformed date', async () => {
    expect((await get('/units/99999')).status).toBe(404);
    expect((await get('/units/04795?asOf=30/06/2025')).status).toBe(400);
  });
});

describe('catalog simulator: agencies', () => {
  it('gives the People’s Committees of a reused code distinct codes and validity', async () => {
    const { body } = await get('/agencies:batchGet?codes=UBND-17-04795,UBND-25-04795');
    expect(body.agencies).toEqual([
      expect.objectContaining({ agencyName: 'Ủy ban nhân dân phường Thịnh Lang', expiryDate: '2025-06-30' }),
      expect.objectContaining({ agencyName: 'Ủy ban nhân dân phường Hòa Bình', effectiveDate: '2025-07-01' }),
    ]);
  });

  it('filters agencies by type and unit', async () => {
    const { body } = await get('/agencies?agencyType=POLICE&unitCode=150');
    expect(body.items).toEqual([
      expect.objectContaining({ agencyCode: 'CA-17-150', agencyName: 'Công an huyện Đà Bắc' }),
    ]);
  });

  it('continues each Hòa Bình department in a Phú Thọ department from 2025-07-01', async () => {
    const { body } = await get('/agencies:batchGet?codes=STP-17,STP-25,SDTTG-25');
    expect(body.agencies).toEqual([
      expect.objectContaining({ agencyName: 'Sở Tư pháp tỉnh Hòa Bình', successorCodes: ['STP-25'] }),
      expect.objectContaining({ agencyName: 'Sở Tư pháp tỉnh Phú Thọ', effectiveDate: '2025-07-01' }),
      expect.objectContaining({
        agencyName: 'Sở Dân tộc và Tôn giáo tỉnh Phú Thọ',
        parentAgencyCode: 'UBND-25',
      }),
    ]);
  });

  it('records the 2025-03-01 restructuring of the environment department', async () => {
    const { body } = await get('/agencies/STNMT-17');
    expect(body).toMatchObject({
      agencyName: 'Sở Tài nguyên và Môi trường tỉnh Hòa Bình',
      expiryDate: '2025-02-28',
      successorCodes: ['SNNMT-17'],
    });
  });
});

describe('foldText', () => {
  it('folds case, marks and đ', () => {
    expect(foldText('  Thị trấn  ĐÀ Bắc ')).toBe('thi tran da bac');
  });
});
