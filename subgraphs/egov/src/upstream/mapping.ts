import { parseDateVn, parseUpstreamPayload, UpstreamError } from '@lgsp/subgraph-kit';
import { z } from 'zod';
import type * as M from '../model.js';

/**
 * The only file that knows the egov upstream's words: its Vietnamese field and parameter names, status codes,
 * `dd/MM/yyyy` dates and `dd/MM/yyyy HH:mm:ss` local instants (+07:00). Everything leaves here in the model's shape.
 */
export const UPSTREAM = 'egov';

type Query = Record<string, string | number | boolean | undefined>;

// --- Scalars ---------------------------------------------------------------------------------------------------------

/** `yyyy-MM-dd` → `dd/MM/yyyy`. */
const toVnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** `dd/MM/yyyy HH:mm:ss` (local) → ISO 8601 with +07:00. */
function instant(value: string): string {
  const match = /^(\d{2}\/\d{2}\/\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 59) {
    throw new UpstreamError({ upstream: UPSTREAM, reason: 'malformed' });
  }
  return `${parseDateVn(UPSTREAM, match[1]!)}T${match[2]}:${match[3]}:${match[4]}+07:00`;
}

const nullableInstant = (value: string | null) => (value === null ? null : instant(value));

function periodOf(row: { tuNgay: string; denNgay: string }): M.Period {
  return { from: parseDateVn(UPSTREAM, row.tuNgay), to: parseDateVn(UPSTREAM, row.denNgay) };
}

const periodQuery = (period: M.Period | null | undefined): Query =>
  period ? { tuNgay: toVnDate(period.from), denNgay: toVnDate(period.to) } : {};

const codes = (list: readonly string[] | null | undefined) => (list ? list.join(',') : undefined);
const count = z.number().int().nonnegative();

// --- Dossiers --------------------------------------------------------------------------------------------------------

const dossierStatusCodes = {
  RECEIVED: { trangThai: '1' },
  IN_PROGRESS: { trangThai: '2,3' },
  RESOLVED_ON_TIME: { trangThai: '4,5', ketQua: 'DUNG_HAN' },
  RESOLVED_LATE: { trangThai: '4,5', ketQua: 'TRE_HAN' },
  RETURNED: { trangThai: '6' },
} as const satisfies Record<M.DossierStatus, Query>;

const channelCodes = { ONLINE: 'TRUC_TUYEN', IN_PERSON: 'TRUC_TIEP', POSTAL: 'BUU_CHINH' } as const;
const channelOf = { TRUC_TUYEN: 'ONLINE', TRUC_TIEP: 'IN_PERSON', BUU_CHINH: 'POSTAL' } as const;
const levelOf = { TINH: 'PROVINCE', HUYEN: 'DISTRICT', XA: 'COMMUNE' } as const;
const onlineLevelOf = { TOAN_TRINH: 'FULL', MOT_PHAN: 'PARTIAL', TRUC_TIEP: 'NONE' } as const;
const ratingOf = { HAI_LONG: 'SATISFIED', BINH_THUONG: 'NEUTRAL', KHONG_HAI_LONG: 'DISSATISFIED' } as const;

const rawDossier = z.object({
  maHoSo: z.string(),
  maThuTuc: z.string(),
  tenThuTuc: z.string(),
  linhVuc: z.string(),
  capThucHien: z.enum(['TINH', 'HUYEN', 'XA']),
  mucDoDVC: z.enum(['TOAN_TRINH', 'MOT_PHAN', 'TRUC_TIEP']),
  maDonVi: z.string(),
  coQuanXuLy: z.object({ maCoQuan: z.string() }),
  ngayTiepNhan: z.string(),
  ngayHenTra: z.string(),
  ngayKetThuc: z.string().nullable(),
  trangThai: z.enum(['1', '2', '3', '4', '5', '6']),
  quaHan: z.boolean(),
  hinhThucNop: z.enum(['TRUC_TUYEN', 'TRUC_TIEP', 'BUU_CHINH']),
  daSoHoa: z.boolean(),
  coKetQuaDienTu: z.boolean(),
  daDongBoDVCQG: z.boolean(),
  phiLePhi: count,
  thanhToanTrucTuyen: z.boolean(),
  danhGia: z.enum(['HAI_LONG', 'BINH_THUONG', 'KHONG_HAI_LONG']).nullable(),
  chuHoSo: z.object({ hoTen: z.string().nullable(), soDienThoai: z.string().nullable() }).nullable(),
});

function dossierStatus(
  raw: z.infer<typeof rawDossier>,
  finishedAt: string | null,
  dueAt: string,
): M.DossierStatus {
  switch (raw.trangThai) {
    case '1':
      return 'RECEIVED';
    case '2':
    case '3':
      return 'IN_PROGRESS';
    case '6':
      return 'RETURNED';
    default:
      // Resolved: on time when the result was issued no later than the appointment (same offset, so strings compare).
      if (finishedAt === null) throw new UpstreamError({ upstream: UPSTREAM, reason: 'malformed' });
      return finishedAt <= dueAt ? 'RESOLVED_ON_TIME' : 'RESOLVED_LATE';
  }
}

function toDossier(raw: z.infer<typeof rawDossier>): M.Dossier {
  const dueAt = instant(raw.ngayHenTra);
  const finishedAt = nullableInstant(raw.ngayKetThuc);
  return {
    id: raw.maHoSo,
    procedure: {
      code: raw.maThuTuc,
      name: raw.tenThuTuc,
      field: raw.linhVuc,
      level: levelOf[raw.capThucHien],
      onlineLevel: onlineLevelOf[raw.mucDoDVC],
    },
    unitCode: raw.maDonVi,
    agencyCode: raw.coQuanXuLy.maCoQuan,
    receivedAt: instant(raw.ngayTiepNhan),
    dueAt,
    finishedAt,
    status: dossierStatus(raw, finishedAt, dueAt),
    overdue: raw.quaHan,
    channel: channelOf[raw.hinhThucNop],
    digitised: raw.daSoHoa,
    electronicResult: raw.coKetQuaDienTu,
    syncedToNationalPortal: raw.daDongBoDVCQG,
    feeVnd: raw.phiLePhi,
    paidOnline: raw.thanhToanTrucTuyen,
    rating: raw.danhGia ? ratingOf[raw.danhGia] : null,
    applicantName: raw.chuHoSo?.hoTen ?? null,
    applicantPhone: raw.chuHoSo?.soDienThoai ?? null,
  };
}

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    trang: z.number().int().positive(),
    soBanGhi: z.number().int().positive(),
    tongSo: count,
    duLieu: z.array(item),
  });

export const dossierMapping = {
  one: (payload: unknown) =>
    toDossier(parseUpstreamPayload(UPSTREAM, z.object({ duLieu: rawDossier }), payload).duLieu),
  many: (payload: unknown) =>
    parseUpstreamPayload(UPSTREAM, z.object({ duLieu: z.array(rawDossier) }), payload).duLieu.map(toDossier),
  byIdsQuery: (ids: readonly string[]): Query => ({ maHoSo: ids.join(',') }),
  searchQuery: (filter: M.DossierFilter, page: number, pageSize: number): Query => ({
    maDonVi: codes(filter.unitCodes),
    ...periodQuery(filter.period),
    ...(filter.status ? dossierStatusCodes[filter.status] : {}),
    maThuTuc: filter.procedureCode ?? undefined,
    maCoQuan: filter.agencyCode ?? undefined,
    hinhThucNop: filter.channel ? channelCodes[filter.channel] : undefined,
    trang: page,
    soBanGhi: pageSize,
  }),
  page: (payload: unknown) => {
    const parsed = parseUpstreamPayload(UPSTREAM, pageOf(rawDossier), payload);
    return { items: parsed.duLieu.map(toDossier), totalCount: parsed.tongSo };
  },
};

// --- Statistics by unit codes ------------------------------------------------------------------------------------------

const unitRow = { maDonVi: z.string(), tuNgay: z.string(), denNgay: z.string() };

/** Where each count sits in a statistics row (a path of upstream field names). */
type CountTable<K extends string> = Readonly<Record<K, readonly string[]>>;

const dossierCountFields: CountTable<Exclude<keyof M.DossierCounts, 'unitCode' | 'agencyCode' | 'period'>> = {
  received: ['tongTiepNhan'],
  receivedOnline: ['tiepNhanTrucTuyen'],
  receivedInPerson: ['tiepNhanTrucTiep'],
  receivedByPost: ['tiepNhanBuuChinh'],
  inProgress: ['dangXuLy'],
  inProgressOverdue: ['dangXuLyQuaHan'],
  resolvedOnTime: ['giaiQuyetDungHan'],
  resolvedLate: ['giaiQuyetTreHan'],
  returned: ['traLai'],
  digitised: ['daSoHoa'],
};

/** The Decision 766 inputs, grouped upstream by index group. */
const indexInputFields: CountTable<keyof M.ServiceIndexInputs> = {
  procedures: ['congKhaiMinhBach', 'soTTHC'],
  proceduresPublished: ['congKhaiMinhBach', 'soTTHCCongKhaiDayDu'],
  dossiersReceived: ['congKhaiMinhBach', 'soHoSoTiepNhan'],
  dossiersSyncedToNationalPortal: ['congKhaiMinhBach', 'soHoSoDongBoDVCQG'],
  dossiersResolved: ['tienDoGiaiQuyet', 'soHoSoDaGiaiQuyet'],
  dossiersResolvedOnTime: ['tienDoGiaiQuyet', 'soHoSoDungHan'],
  dossiersResolvedLate: ['tienDoGiaiQuyet', 'soHoSoTreHan'],
  proceduresFullyOnline: ['dichVuCongTrucTuyen', 'soTTHCToanTrinh'],
  proceduresPartlyOnline: ['dichVuCongTrucTuyen', 'soTTHCMotPhan'],
  dossiersReceivedOnline: ['dichVuCongTrucTuyen', 'soHoSoTrucTuyen'],
  dossiersWithFee: ['dichVuCongTrucTuyen', 'soHoSoCoPhi'],
  dossiersPaidOnline: ['dichVuCongTrucTuyen', 'soHoSoThanhToanTrucTuyen'],
  dossiersDigitised: ['soHoa', 'soHoSoSoHoa'],
  resultsIssuedElectronically: ['soHoa', 'soKetQuaDienTu'],
  ratings: ['mucDoHaiLong', 'soLuotDanhGia'],
  ratingsSatisfied: ['mucDoHaiLong', 'soLuotHaiLong'],
  ratingsNeutral: ['mucDoHaiLong', 'soLuotBinhThuong'],
  ratingsDissatisfied: ['mucDoHaiLong', 'soLuotKhongHaiLong'],
};

/** A statistics row is keyed by a unit (`maDonVi`) or, for dossier counts by agency, by an agency (`maCoQuan`). */
const statsRow = z
  .looseObject({
    maDonVi: z.string().optional(),
    maCoQuan: z.string().optional(),
    tuNgay: z.string(),
    denNgay: z.string(),
  })
  .refine((row) => (row.maDonVi === undefined) !== (row.maCoQuan === undefined));

/** Reads the rows of a statistics answer: its key, period and every count the table names (each must be a count). */
function countRows<K extends string>(payload: unknown, table: CountTable<K>) {
  return parseUpstreamPayload(UPSTREAM, z.object({ duLieu: z.array(statsRow) }), payload).duLieu.map(
    (row) => {
      const counts = {} as Record<K, number>;
      for (const [key, path] of Object.entries(table) as [K, readonly string[]][]) {
        const value = path.reduce<unknown>(
          (node, name) => (node as Record<string, unknown> | undefined)?.[name],
          row,
        );
        counts[key] = parseUpstreamPayload(UPSTREAM, count, value);
      }
      return {
        unitCode: row.maDonVi ?? null,
        agencyCode: row.maCoQuan ?? null,
        period: periodOf(row),
        counts,
      };
    },
  );
}

// --- Field reports ---------------------------------------------------------------------------------------------------

const categoryOf = {
  HA_TANG_GIAO_THONG: 'ROAD_DAMAGE',
  CHIEU_SANG: 'STREET_LIGHTING',
  MOI_TRUONG: 'WASTE_ENVIRONMENT',
  NGAP_UNG: 'FLOODING',
  XAY_DUNG: 'ILLEGAL_CONSTRUCTION',
  TRAT_TU_GIAO_THONG: 'TRAFFIC_ORDER',
  AN_NINH_TRAT_TU: 'PUBLIC_ORDER',
  CAY_XANH: 'URBAN_TREES',
  KHAC: 'OTHER',
} as const satisfies Record<string, M.CitizenReportCategory>;
const reportStatusOf = {
  TIEP_NHAN: 'RECEIVED',
  DA_CHUYEN_XU_LY: 'ASSIGNED',
  DANG_XU_LY: 'IN_PROGRESS',
  DA_XU_LY: 'RESOLVED',
  TU_CHOI: 'REJECTED',
} as const satisfies Record<string, M.CitizenReportStatus>;
const reportChannelOf = {
  UNG_DUNG: 'MOBILE_APP',
  TONG_DAI_1022: 'HOTLINE',
  CONG_TTDT: 'WEB_PORTAL',
  ZALO: 'ZALO',
} as const;
const codeOf = <V extends string>(table: Record<string, V>, value: V) =>
  Object.entries(table).find(([, mapped]) => mapped === value)![0];

const categoryCode = z.enum(Object.keys(categoryOf) as [keyof typeof categoryOf]);
const reportStatusCode = z.enum(Object.keys(reportStatusOf) as [keyof typeof reportStatusOf]);

const rawReport = z.object({
  maPhanAnh: z.string(),
  tieuDe: z.string(),
  noiDung: z.string(),
  maLinhVuc: categoryCode,
  maDonVi: z.string(),
  viTri: z.object({ viDo: z.number().min(-90).max(90), kinhDo: z.number().min(-180).max(180) }),
  diaChi: z.string().nullable(),
  soHinhAnh: count,
  kenhTiepNhan: z.enum(Object.keys(reportChannelOf) as [keyof typeof reportChannelOf]),
  thoiGianGui: z.string(),
  hanXuLy: z.string(),
  thoiGianKetThuc: z.string().nullable(),
  trangThai: reportStatusCode,
  coQuanXuLy: z.object({ maCoQuan: z.string() }).nullable(),
  quaHan: z.boolean(),
  hoTenNguoiPhanAnh: z.string().nullable(),
  soDienThoai: z.string().nullable(),
});

function toReport(raw: z.infer<typeof rawReport>): M.CitizenReport {
  return {
    id: raw.maPhanAnh,
    category: categoryOf[raw.maLinhVuc],
    title: raw.tieuDe,
    description: raw.noiDung,
    location: { latitude: raw.viTri.viDo, longitude: raw.viTri.kinhDo },
    address: raw.diaChi,
    unitCode: raw.maDonVi,
    photoCount: raw.soHinhAnh,
    channel: reportChannelOf[raw.kenhTiepNhan],
    status: reportStatusOf[raw.trangThai],
    handlingAgencyCode: raw.coQuanXuLy?.maCoQuan ?? null,
    receivedAt: instant(raw.thoiGianGui),
    dueAt: instant(raw.hanXuLy),
    closedAt: nullableInstant(raw.thoiGianKetThuc),
    overdue: raw.quaHan,
    reporterName: raw.hoTenNguoiPhanAnh,
    reporterPhone: raw.soDienThoai,
  };
}

const rawEvent = z.object({
  trangThai: reportStatusCode,
  thoiGian: z.string(),
  maCoQuan: z.string(),
  ghiChu: z.string().nullable(),
});
const rawReportCounts = z.object({
  ...unitRow,
  tongSo: count,
  tiepNhan: count,
  daChuyenXuLy: count,
  dangXuLy: count,
  daXuLy: count,
  daXuLyDungHan: count,
  tuChoi: count,
  quaHan: count,
  theoLinhVuc: z.array(z.object({ maLinhVuc: categoryCode, soLuong: count })),
});

export const reportMapping = {
  one: (payload: unknown) =>
    toReport(parseUpstreamPayload(UPSTREAM, z.object({ duLieu: rawReport }), payload).duLieu),
  many: (payload: unknown) =>
    parseUpstreamPayload(UPSTREAM, z.object({ duLieu: z.array(rawReport) }), payload).duLieu.map(toReport),
  byIdsQuery: (ids: readonly string[]): Query => ({ maPhanAnh: ids.join(',') }),
  searchQuery: (filter: M.CitizenReportFilter, page: number, pageSize: number): Query => ({
    maDonVi: codes(filter.unitCodes),
    ...periodQuery(filter.period),
    trangThai: filter.status ? codeOf(reportStatusOf, filter.status) : undefined,
    maLinhVuc: filter.category ? codeOf(categoryOf, filter.category) : undefined,
    quaHan: filter.overdue ?? undefined,
    trang: page,
    soBanGhi: pageSize,
  }),
  page: (payload: unknown) => {
    const parsed = parseUpstreamPayload(UPSTREAM, pageOf(rawReport), payload);
    return { items: parsed.duLieu.map(toReport), totalCount: parsed.tongSo };
  },
  perUnitQuery: (
    unitCodes: readonly string[],
    status: M.CitizenReportStatus | null,
    first: number,
  ): Query => ({
    maDonVi: unitCodes.join(','),
    trangThai: status ? codeOf(reportStatusOf, status) : undefined,
    soBanGhi: first,
  }),
  perUnit: (payload: unknown): Map<string, M.CitizenReport[]> => {
    const schema = z.object({
      duLieu: z.array(z.object({ maDonVi: z.string(), danhSach: z.array(rawReport) })),
    });
    const rows = parseUpstreamPayload(UPSTREAM, schema, payload).duLieu;
    return new Map(rows.map((row) => [row.maDonVi, row.danhSach.map(toReport)]));
  },
  historyBody: (ids: readonly string[]) => JSON.stringify({ dsMaPhanAnh: ids }),
  histories: (payload: unknown): Map<string, M.CitizenReportStatusChange[]> => {
    const schema = z.object({
      duLieu: z.array(z.object({ maPhanAnh: z.string(), lichSu: z.array(rawEvent) })),
    });
    const rows = parseUpstreamPayload(UPSTREAM, schema, payload).duLieu;
    const toChange = (event: z.infer<typeof rawEvent>) => ({
      status: reportStatusOf[event.trangThai],
      at: instant(event.thoiGian),
      agencyCode: event.maCoQuan,
      note: event.ghiChu,
    });
    return new Map(rows.map((row) => [row.maPhanAnh, row.lichSu.map(toChange)]));
  },
  counts: (payload: unknown): M.CitizenReportCounts[] =>
    parseUpstreamPayload(UPSTREAM, z.object({ duLieu: z.array(rawReportCounts) }), payload).duLieu.map(
      (row) => ({
        unitCode: row.maDonVi,
        period: periodOf(row),
        total: row.tongSo,
        open: row.tiepNhan + row.daChuyenXuLy + row.dangXuLy,
        resolved: row.daXuLy,
        resolvedOnTime: row.daXuLyDungHan,
        rejected: row.tuChoi,
        overdue: row.quaHan,
        byCategory: row.theoLinhVuc.map((entry) => ({
          category: categoryOf[entry.maLinhVuc],
          count: entry.soLuong,
        })),
      }),
    ),
};

export const statisticsMapping = {
  query: (unitCodes: readonly string[], period: M.Period): Query => ({
    maDonVi: unitCodes.join(','),
    ...periodQuery(period),
  }),
  agencyQuery: (agencyCodes: readonly string[], period: M.Period): Query => ({
    maCoQuan: agencyCodes.join(','),
    ...periodQuery(period),
  }),
  dossierCounts: (payload: unknown): M.DossierCounts[] =>
    countRows(payload, dossierCountFields).map(({ counts, ...row }) => ({ ...row, ...counts })),
  indexInputs: (payload: unknown): M.UnitServiceIndexInputs[] =>
    countRows(payload, indexInputFields).map(({ counts, unitCode, period }) => {
      if (unitCode === null) throw new UpstreamError({ upstream: UPSTREAM, reason: 'malformed' });
      return { unitCode, period, inputs: counts };
    }),
};
