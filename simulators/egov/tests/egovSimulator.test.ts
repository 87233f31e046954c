import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEgovData, createEgovSimulator, type EgovSimulator } from '../src/index.js';

interface Envelope {
  maLoi: string;
  thongBao: string;
  trang?: number;
  soBanGhi?: number;
  tongSo?: number;
  tongSoTrang?: number;
  duLieu: Record<string, unknown>[] & Record<string, unknown>;
}

let simulator: EgovSimulator;

async function get(path: string): Promise<{ status: number; body: Envelope }> {
  const response = await fetch(`${simulator.url}${path}`);
  return { status: response.status, body: (await response.json()) as Envelope };
}

beforeAll(async () => {
  simulator = await createEgovSimulator();
});

afterAll(async () => {
  await simulator.close();
});

describe('egov simulator data', () => {
  it('holds thousands of dossiers and field reports on the real units of both versions', () => {
    const { dossiers, reports } = simulator.data;
    expect(dossiers.length).toBeGreaterThan(10_000);
    expect(reports.length).toBeGreaterThan(3_000);
    const versions = new Set(dossiers.map((dossier) => dossier.unit.version));
    expect(versions).toEqual(new Set(['OLD', 'NEW']));
    expect(dossiers.some((dossier) => dossier.procedure.name === 'Đăng ký khai sinh')).toBe(true);
    expect(new Set(dossiers.map((dossier) => dossier.status))).toEqual(
      new Set(['1', '2', '3', '4', '5', '6']),
    );
  });

  it('gives the same data for the same seed, and other data for another seed', () => {
    const now = simulator.data.now;
    const sample = (seed: number) => {
      const data = createEgovData(seed, now);
      return [...data.dossiers.slice(0, 200), ...data.reports.slice(0, 200)].map((record) => [
        record.id,
        record.receivedAt.toISOString(),
        record.status,
        'applicantName' in record ? record.applicantName : record.reporterPhone,
      ]);
    };
    expect(sample(17)).toEqual(sample(17));
    expect(sample(18)).not.toEqual(sample(17));
  });

  it('places every report near its commune and keeps its history in time order', () => {
    for (const report of simulator.data.reports) {
      expect(Math.abs(report.location.lat - report.unit.center.lat)).toBeLessThan(0.03);
      const times = report.history.map((event) => event.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(report.history[report.history.length - 1]!.status).toBe(report.status);
    }
  });
});

describe('egov simulator API', () => {
  it('pages dossiers with trang/soBanGhi/tongSo and dd/MM/yyyy HH:mm:ss instants', async () => {
    const { status, body } = await get('/api/v1/hoso?maDonVi=04795&trang=2&soBanGhi=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ maLoi: '00', trang: 2, soBanGhi: 5 });
    expect(body.tongSo).toBeGreaterThan(100);
    expect(body.duLieu).toHaveLength(5);
    expect(body.duLieu[0]!.maDonVi).toBe('04795');
    expect(body.duLieu[0]!.ngayTiepNhan).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('answers many dossiers by number in one call and 404 for an unknown one', async () => {
    const [first, second] = simulator.data.dossiers;
    const batch = await get(`/api/v1/hoso?maHoSo=${second!.id},NOPE,${first!.id}`);
    expect(batch.body.duLieu.map((dossier) => dossier.maHoSo)).toEqual([second!.id, first!.id]);
    const missing = await get('/api/v1/hoso/H25.00000-250101-0001');
    expect(missing.status).toBe(404);
    expect(missing.body.maLoi).toBe('04');
  });

  it('counts dossier statistics for many units in one call, leaving unknown codes out', async () => {
    const { body } = await get(
      '/api/v1/thongke/hoso?maDonVi=04795,99999,25&tuNgay=01/01/2026&denNgay=31/03/2026',
    );
    expect(body.duLieu.map((row) => row.maDonVi)).toEqual(['04795', '25']);
    const row = body.duLieu[0]!;
    expect(row.tongTiepNhan).toBe(
      (row.dangXuLy as number) + (row.daGiaiQuyet as number) + (row.traLai as number),
    );
    expect(row.daGiaiQuyet).toBe((row.giaiQuyetDungHan as number) + (row.giaiQuyetTreHan as number));
  });

  it('refuses a statistics call without a period or with a malformed date', async () => {
    expect((await get('/api/v1/thongke/hoso?maDonVi=04795')).status).toBe(400);
    const bad = await get('/api/v1/thongke/hoso?maDonVi=04795&tuNgay=2026-01-01&denNgay=31/03/2026');
    expect(bad.status).toBe(400);
    expect(bad.body.thongBao).toContain('tuNgay');
  });

  it('serves the newest reports of many units and their status histories in one call each', async () => {
    const perUnit = await get(
      '/api/v1/phananh/theo-don-vi?maDonVi=04795,04792&soBanGhi=3&trangThai=DA_XU_LY',
    );
    expect(perUnit.body.duLieu.map((row) => row.maDonVi)).toEqual(['04795', '04792']);
    const ids = perUnit.body.duLieu.flatMap((row) =>
      (row.danhSach as { maPhanAnh: string; trangThai: string }[]).map((report) => {
        expect(report.trangThai).toBe('DA_XU_LY');
        return report.maPhanAnh;
      }),
    );
    expect(ids).toHaveLength(6);
    const response = await fetch(`${simulator.url}/api/v1/phananh/lich-su`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dsMaPhanAnh: ids }),
    });
    const histories = (await response.json()) as Envelope;
    expect(histories.duLieu.map((row) => row.maPhanAnh)).toEqual(ids);
    const statuses = (histories.duLieu[0]!.lichSu as { trangThai: string }[]).map((event) => event.trangThai);
    expect(statuses).toEqual(['TIEP_NHAN', 'DA_CHUYEN_XU_LY', 'DANG_XU_LY', 'DA_XU_LY']);
  });

  it('counts requests per route for the tests of the subgraph', async () => {
    simulator.resetStats();
    await get('/api/v1/thongke/phananh?maDonVi=04795&tuNgay=01/01/2026&denNgay=31/03/2026');
    expect(simulator.stats().byRoute).toEqual({ 'GET /api/v1/thongke/phananh': 1 });
  });
});
