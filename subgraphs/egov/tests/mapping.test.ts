import { describe, expect, it } from '@jest/globals';
import { dossierMapping, reportMapping, statisticsMapping } from '../src/upstream/mapping.js';

const dossier = {
  maHoSo: 'H25.04795-260105-0001',
  maThuTuc: '1.001193',
  tenThuTuc: 'Đăng ký khai sinh',
  linhVuc: 'Hộ tịch',
  capThucHien: 'XA',
  mucDoDVC: 'TOAN_TRINH',
  maDonVi: '04795',
  tenDonVi: 'Phường Hòa Bình',
  coQuanXuLy: { maCoQuan: 'UBND-25-04795', tenCoQuan: 'UBND Phường Hòa Bình' },
  ngayTiepNhan: '05/01/2026 08:15:00',
  ngayHenTra: '06/01/2026 17:00:00',
  ngayKetThuc: '06/01/2026 16:59:59',
  trangThai: '5',
  quaHan: false,
  hinhThucNop: 'TRUC_TUYEN',
  daSoHoa: true,
  coKetQuaDienTu: true,
  daDongBoDVCQG: true,
  phiLePhi: 0,
  thanhToanTrucTuyen: false,
  danhGia: 'HAI_LONG',
  chuHoSo: { hoTen: 'Bùi Thị Hoa', soDienThoai: '0912345678' },
};

describe('egov mapping (the upstream dialect)', () => {
  it('turns local dd/MM/yyyy HH:mm:ss instants into ISO 8601 with +07:00, and codes into enums', () => {
    expect(dossierMapping.one({ maLoi: '00', duLieu: dossier })).toMatchObject({
      receivedAt: '2026-01-05T08:15:00+07:00',
      dueAt: '2026-01-06T17:00:00+07:00',
      status: 'RESOLVED_ON_TIME',
      channel: 'ONLINE',
      procedure: { level: 'COMMUNE', onlineLevel: 'FULL' },
      rating: 'SATISFIED',
      agencyCode: 'UBND-25-04795',
    });
  });

  it('calls a result issued after the appointment late', () => {
    const late = { ...dossier, ngayKetThuc: '07/01/2026 09:00:00', quaHan: true };
    expect(dossierMapping.one({ duLieu: late }).status).toBe('RESOLVED_LATE');
  });

  it('asks the upstream in its own words and dates', () => {
    expect(
      dossierMapping.searchQuery(
        {
          unitCodes: ['04795', '04792'],
          status: 'RESOLVED_LATE',
          period: { from: '2026-01-01', to: '2026-03-31' },
        },
        2,
        20,
      ),
    ).toMatchObject({
      maDonVi: '04795,04792',
      trangThai: '4,5',
      ketQua: 'TRE_HAN',
      tuNgay: '01/01/2026',
      denNgay: '31/03/2026',
      trang: 2,
      soBanGhi: 20,
    });
    expect(reportMapping.searchQuery({ category: 'FLOODING', status: 'ASSIGNED' }, 1, 5)).toMatchObject({
      maLinhVuc: 'NGAP_UNG',
      trangThai: 'DA_CHUYEN_XU_LY',
    });
  });

  it('refuses impossible dates, unknown codes and negative counts as malformed payloads', () => {
    const malformed = { code: 'UPSTREAM_ERROR', reason: 'malformed' };
    expect(() => dossierMapping.one({ duLieu: { ...dossier, ngayHenTra: '31/02/2026 17:00:00' } })).toThrow(
      expect.objectContaining(malformed),
    );
    expect(() => dossierMapping.one({ duLieu: { ...dossier, trangThai: '9' } })).toThrow(
      expect.objectContaining(malformed),
    );
    const row = { maDonVi: '04795', tuNgay: '01/01/2026', denNgay: '31/01/2026', tongTiepNhan: -1 };
    expect(() => statisticsMapping.dossierCounts({ duLieu: [row] })).toThrow(
      expect.objectContaining(malformed),
    );
  });
});
