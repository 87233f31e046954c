import { createRng } from '@lgsp/simulator-kit';
import type { ReportRecord } from './citizenReports.js';
import type { DossierRecord } from './dossiers.js';
import { publishedProcedureTotals } from './procedures.js';
import { reportCategories } from './reportCategories.js';
import type { EgovUnit } from './units.js';

/** A half-open range of instants [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

function within<T extends { receivedAt: Date }>(items: readonly T[], range: Range): T[] {
  return items.filter((item) => item.receivedAt >= range.from && item.receivedAt < range.to);
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let total = 0;
  for (const item of items) if (predicate(item)) total += 1;
  return total;
}

const isOpen = (dossier: DossierRecord) => ['1', '2', '3'].includes(dossier.status);
const isResolved = (dossier: DossierRecord) => dossier.status === '4' || dossier.status === '5';
/** On time = the result was issued no later than the appointment (`ngayHenTra`). */
export const isOnTime = (dossier: DossierRecord) =>
  isResolved(dossier) && dossier.finishedAt !== null && dossier.finishedAt <= dossier.dueAt;

/** Counts of the dossiers a unit received in the range, by their status now (`/thongke/hoso`). */
export function dossierCounts(dossiers: readonly DossierRecord[], range: Range, now: Date) {
  const received = within(dossiers, range);
  return {
    tongTiepNhan: received.length,
    tiepNhanTrucTuyen: count(received, (d) => d.channel === 'TRUC_TUYEN'),
    tiepNhanTrucTiep: count(received, (d) => d.channel === 'TRUC_TIEP'),
    tiepNhanBuuChinh: count(received, (d) => d.channel === 'BUU_CHINH'),
    dangXuLy: count(received, isOpen),
    dangXuLyQuaHan: count(received, (d) => isOpen(d) && d.dueAt < now),
    daGiaiQuyet: count(received, isResolved),
    giaiQuyetDungHan: count(received, isOnTime),
    giaiQuyetTreHan: count(received, (d) => isResolved(d) && !isOnTime(d)),
    traLai: count(received, (d) => d.status === '6'),
    daSoHoa: count(received, (d) => d.digitised),
  };
}

function procedureTotals(unit: EgovUnit | undefined) {
  if (!unit) return { total: 0, published: 0, fullyOnline: 0, partlyOnline: 0 };
  const total =
    unit.level === 'PROVINCE'
      ? publishedProcedureTotals.TINH
      : unit.level === 'DISTRICT'
        ? publishedProcedureTotals.HUYEN
        : publishedProcedureTotals.XA + (unit.version === 'NEW' ? publishedProcedureTotals.HUYEN : 0);
  const rng = createRng(`egov-procedures-${unit.version}-${unit.code}`);
  return {
    total,
    published: total - rng.int(0, Math.ceil(total * 0.03)),
    fullyOnline: Math.round(total * rng.float(0.38, 0.5)),
    partlyOnline: Math.round(total * rng.float(0.3, 0.4)),
  };
}

/** The raw inputs of the Decision 766/QĐ-TTg service index for a unit and range (`/thongke/chiso766`). */
export function serviceIndexInputs(
  dossiers: readonly DossierRecord[],
  unit: EgovUnit | undefined,
  range: Range,
) {
  const received = within(dossiers, range);
  const resolved = received.filter(isResolved);
  const rated = received.filter((d) => d.rating !== null);
  const procedures = procedureTotals(unit);
  return {
    congKhaiMinhBach: {
      soTTHC: procedures.total,
      soTTHCCongKhaiDayDu: procedures.published,
      soHoSoTiepNhan: received.length,
      soHoSoDongBoDVCQG: count(received, (d) => d.syncedToNationalPortal),
    },
    tienDoGiaiQuyet: {
      soHoSoDaGiaiQuyet: resolved.length,
      soHoSoDungHan: count(resolved, isOnTime),
      soHoSoTreHan: count(resolved, (d) => !isOnTime(d)),
    },
    dichVuCongTrucTuyen: {
      soTTHCToanTrinh: procedures.fullyOnline,
      soTTHCMotPhan: procedures.partlyOnline,
      soHoSoTrucTuyen: count(received, (d) => d.channel === 'TRUC_TUYEN'),
      soHoSoCoPhi: count(received, (d) => d.procedure.feeVnd > 0),
      soHoSoThanhToanTrucTuyen: count(received, (d) => d.paidOnline),
    },
    soHoa: {
      soHoSoSoHoa: count(received, (d) => d.digitised),
      soKetQuaDienTu: count(resolved, (d) => d.electronicResult),
    },
    mucDoHaiLong: {
      soLuotDanhGia: rated.length,
      soLuotHaiLong: count(rated, (d) => d.rating === 'HAI_LONG'),
      soLuotBinhThuong: count(rated, (d) => d.rating === 'BINH_THUONG'),
      soLuotKhongHaiLong: count(rated, (d) => d.rating === 'KHONG_HAI_LONG'),
    },
  };
}

/** Counts of the field reports sent in a unit in the range, by their status now (`/thongke/phananh`). */
export function reportCounts(reports: readonly ReportRecord[], range: Range) {
  const sent = within(reports, range);
  return {
    tongSo: sent.length,
    tiepNhan: count(sent, (r) => r.status === 'TIEP_NHAN'),
    daChuyenXuLy: count(sent, (r) => r.status === 'DA_CHUYEN_XU_LY'),
    dangXuLy: count(sent, (r) => r.status === 'DANG_XU_LY'),
    daXuLy: count(sent, (r) => r.status === 'DA_XU_LY'),
    tuChoi: count(sent, (r) => r.status === 'TU_CHOI'),
    quaHan: count(sent, (r) => r.overdue),
    daXuLyDungHan: count(sent, (r) => r.status === 'DA_XU_LY' && !r.overdue),
    theoLinhVuc: reportCategories
      .map((category) => ({
        maLinhVuc: category.code,
        tenLinhVuc: category.name,
        soLuong: count(sent, (r) => r.category.code === category.code),
      }))
      .filter((entry) => entry.soLuong > 0),
  };
}
