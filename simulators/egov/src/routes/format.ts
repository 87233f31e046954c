import type { ReportEvent, ReportRecord, ReportStatusCode } from '../data/citizenReports.js';
import { formatInstantLocal } from '../data/calendar.js';
import type { DossierRecord, DossierStatusCode } from '../data/dossiers.js';

/** How the one-stop system writes its records: Vietnamese field names without diacritics, local-time instants. */
const dossierStatusNames: Record<DossierStatusCode, string> = {
  '1': 'Mới tiếp nhận',
  '2': 'Đang giải quyết',
  '3': 'Chờ bổ sung hồ sơ',
  '4': 'Đã có kết quả',
  '5': 'Đã trả kết quả',
  '6': 'Trả lại hồ sơ',
};

const reportStatusNames: Record<ReportStatusCode, string> = {
  TIEP_NHAN: 'Đã tiếp nhận',
  DA_CHUYEN_XU_LY: 'Đã chuyển xử lý',
  DANG_XU_LY: 'Đang xử lý',
  DA_XU_LY: 'Đã xử lý',
  TU_CHOI: 'Từ chối tiếp nhận',
};

const instant = (date: Date | null) => (date ? formatInstantLocal(date) : null);

export function dossierJson(dossier: DossierRecord, now: Date) {
  const overdue = (dossier.finishedAt ?? now) > dossier.dueAt && dossier.status !== '6';
  return {
    maHoSo: dossier.id,
    maThuTuc: dossier.procedure.code,
    tenThuTuc: dossier.procedure.name,
    linhVuc: dossier.procedure.field,
    capThucHien: dossier.procedure.level,
    mucDoDVC: dossier.procedure.onlineLevel,
    maDonVi: dossier.unit.code,
    tenDonVi: dossier.unit.name,
    coQuanXuLy: { maCoQuan: dossier.agency.code, tenCoQuan: dossier.agency.name },
    ngayTiepNhan: instant(dossier.receivedAt),
    ngayHenTra: instant(dossier.dueAt),
    ngayKetThuc: instant(dossier.finishedAt),
    trangThai: dossier.status,
    tenTrangThai: dossierStatusNames[dossier.status],
    quaHan: overdue,
    hinhThucNop: dossier.channel,
    daSoHoa: dossier.digitised,
    coKetQuaDienTu: dossier.electronicResult,
    daDongBoDVCQG: dossier.syncedToNationalPortal,
    phiLePhi: dossier.procedure.feeVnd,
    thanhToanTrucTuyen: dossier.paidOnline,
    danhGia: dossier.rating,
    chuHoSo: { hoTen: dossier.applicantName, soDienThoai: dossier.applicantPhone },
  };
}

export function reportJson(report: ReportRecord) {
  return {
    maPhanAnh: report.id,
    tieuDe: report.title,
    noiDung: report.description,
    maLinhVuc: report.category.code,
    tenLinhVuc: report.category.name,
    maDonVi: report.unit.code,
    tenDonVi: report.unit.name,
    viTri: { viDo: report.location.lat, kinhDo: report.location.lng },
    diaChi: report.address,
    soHinhAnh: report.photoCount,
    kenhTiepNhan: report.channel,
    thoiGianGui: instant(report.receivedAt),
    hanXuLy: instant(report.dueAt),
    thoiGianKetThuc: instant(report.closedAt),
    trangThai: report.status,
    tenTrangThai: reportStatusNames[report.status],
    coQuanXuLy: report.agency ? { maCoQuan: report.agency.code, tenCoQuan: report.agency.name } : null,
    quaHan: report.overdue,
    hoTenNguoiPhanAnh: report.reporterName,
    soDienThoai: report.reporterPhone,
  };
}

export function reportEventJson(event: ReportEvent) {
  return {
    trangThai: event.status,
    tenTrangThai: reportStatusNames[event.status],
    thoiGian: formatInstantLocal(event.at),
    maCoQuan: event.agency.code,
    tenCoQuan: event.agency.name,
    ghiChu: event.note,
  };
}

/** The envelope every answer of this system has. */
export function ok<T extends object>(body: T) {
  return { maLoi: '00', thongBao: 'Thành công', ...body };
}
