import type { Rng } from '@lgsp/simulator-kit';
import { communePolice, department, operationsCentre, peoplesCommittee, type Agency } from './agencies.js';
import { addWorkingDays, DAY_MS, HOUR_MS } from './calendar.js';
import type { GenerationContext } from './dossiers.js';
import { reportCategories, ruralPlaces, urbanStreets, type ReportCategory } from './reportCategories.js';
import { egovUnits, reformInstant, type EgovUnit, type LatLng } from './units.js';

/** Report status codes (`trangThai`): received, assigned to an agency, being handled, handled, rejected. */
export type ReportStatusCode = 'TIEP_NHAN' | 'DA_CHUYEN_XU_LY' | 'DANG_XU_LY' | 'DA_XU_LY' | 'TU_CHOI';
/** Channel the report came in by: the province's smart-city app, the 1022 hotline, the web portal, Zalo. */
export type ReportChannel = 'UNG_DUNG' | 'TONG_DAI_1022' | 'CONG_TTDT' | 'ZALO';

export interface ReportEvent {
  status: ReportStatusCode;
  at: Date;
  agency: Agency;
  note: string;
}

export interface ReportRecord {
  id: string;
  category: ReportCategory;
  title: string;
  description: string;
  unit: EgovUnit;
  location: LatLng;
  address: string;
  photoCount: number;
  channel: ReportChannel;
  receivedAt: Date;
  dueAt: Date;
  /** When it was handled or rejected; null while open. */
  closedAt: Date | null;
  status: ReportStatusCode;
  /** The agency it was assigned to; null when rejected before assignment. */
  agency: Agency | null;
  history: ReportEvent[];
  /** Past its due time without being closed, or closed after it (as of the simulator's now). */
  overdue: boolean;
  reporterName: string;
  reporterPhone: string;
}

const districtByCode = new Map(egovUnits.oldDistricts.map((unit) => [unit.code, unit]));

function handlingAgency(rng: Rng, category: ReportCategory, unit: EgovUnit): Agency {
  // Before the reform, urban works (roads, lighting, trees, drainage) were the districts' job.
  const local =
    unit.version === 'OLD' &&
    ['HA_TANG_GIAO_THONG', 'CHIEU_SANG', 'CAY_XANH', 'NGAP_UNG'].includes(category.code)
      ? peoplesCommittee(districtByCode.get(unit.districtCode ?? '') ?? unit)
      : peoplesCommittee(unit);
  switch (category.code) {
    case 'TRAT_TU_GIAO_THONG':
    case 'AN_NINH_TRAT_TU':
      return communePolice(unit);
    case 'HA_TANG_GIAO_THONG':
      return rng.chance(0.3) ? department('SXD', unit.provinceCode) : local;
    case 'XAY_DUNG':
      return rng.chance(0.2) ? department('SXD', unit.provinceCode) : local;
    case 'MOI_TRUONG':
      return rng.chance(0.15) ? department('SNNMT', unit.provinceCode) : local;
    default:
      return local;
  }
}

function pickCategory(rng: Rng, urban: boolean): ReportCategory {
  const weightOf = (category: ReportCategory) => (urban ? category.urbanWeight : category.ruralWeight);
  let roll = rng.next() * reportCategories.reduce((sum, category) => sum + weightOf(category), 0);
  for (const category of reportCategories) {
    roll -= weightOf(category);
    if (roll < 0) return category;
  }
  return reportCategories[0]!;
}

function timeline(
  ctx: GenerationContext,
  receivedAt: Date,
  dueAt: Date,
  category: ReportCategory,
  agency: Agency,
  centre: Agency,
): ReportEvent[] {
  const { rng } = ctx;
  const events: ReportEvent[] = [
    { status: 'TIEP_NHAN', at: receivedAt, agency: centre, note: 'Tiếp nhận phản ánh' },
  ];
  const assignedAt = new Date(receivedAt.getTime() + rng.int(30, 20 * 60) * 60_000);
  if (rng.chance(0.07)) {
    const reason = rng.pick([
      'Nội dung phản ánh không rõ ràng, không đủ thông tin xác minh',
      'Phản ánh trùng lặp',
      'Không thuộc phạm vi tiếp nhận',
    ]);
    return [...events, { status: 'TU_CHOI', at: assignedAt, agency: centre, note: reason }];
  }
  events.push({
    status: 'DA_CHUYEN_XU_LY',
    at: assignedAt,
    agency: centre,
    note: `Chuyển ${agency.name} xử lý`,
  });
  const startedAt = new Date(assignedAt.getTime() + rng.int(1, 30) * HOUR_MS);
  events.push({ status: 'DANG_XU_LY', at: startedAt, agency, note: 'Đang kiểm tra, xác minh hiện trường' });
  const onTime = rng.chance(0.85) && startedAt < dueAt;
  const handledAt = onTime
    ? new Date(
        startedAt.getTime() + Math.floor((dueAt.getTime() - startedAt.getTime()) * rng.float(0.1, 0.95)),
      )
    : new Date(
        Math.max(dueAt.getTime(), startedAt.getTime()) + rng.int(1, 6) * DAY_MS + rng.int(0, 8) * HOUR_MS,
      );
  events.push({ status: 'DA_XU_LY', at: handledAt, agency, note: category.resolution });
  return events;
}

function place(rng: Rng, unit: EgovUnit): { place: string; address: string } {
  if (unit.urban) {
    const street = rng.pick(urbanStreets);
    return { place: street, address: `Số ${rng.int(1, 320)} ${street}, ${unit.name}` };
  }
  const spot = rng.pick(ruralPlaces);
  return {
    place: `${spot} đoạn qua ${unit.name}`,
    address: `${spot[0]!.toUpperCase()}${spot.slice(1)}, ${unit.name}`,
  };
}

function generateOne(ctx: GenerationContext, unit: EgovUnit, from: Date, to: Date): Omit<ReportRecord, 'id'> {
  const { rng, now } = ctx;
  const category = pickCategory(rng, unit.urban);
  const receivedAt = rng.date(from, new Date(to.getTime() - 1));
  const dueAt = addWorkingDays(receivedAt, category.days);
  const agency = handlingAgency(rng, category, unit);
  const centre = operationsCentre(unit.provinceCode);
  const all = timeline(ctx, receivedAt, dueAt, category, agency, centre);
  const history = all.filter((event) => event.at <= now);
  const last = history[history.length - 1]!;
  const closed = last.status === 'DA_XU_LY' || last.status === 'TU_CHOI';
  const closedAt = closed ? last.at : null;
  const spread = unit.urban ? 0.006 : 0.02;
  const where = place(rng, unit);
  const reporter = rng.personName();
  return {
    category,
    title: `${rng.pick(category.titles)} tại ${where.place}`,
    description: rng.pick(category.descriptions).replace('{place}', where.place),
    unit,
    location: {
      lat: Number((unit.center.lat + rng.float(-spread, spread, 5)).toFixed(5)),
      lng: Number((unit.center.lng + rng.float(-spread, spread, 5)).toFixed(5)),
    },
    address: where.address,
    photoCount: rng.pick([0, 1, 1, 2, 2, 2, 3, 3, 4, 5]),
    channel: rng.pick(['UNG_DUNG', 'UNG_DUNG', 'UNG_DUNG', 'TONG_DAI_1022', 'CONG_TTDT', 'ZALO'] as const),
    receivedAt,
    dueAt,
    closedAt,
    status: last.status,
    agency: history.some((event) => event.status === 'DA_CHUYEN_XU_LY') ? agency : null,
    history,
    overdue: last.status !== 'TU_CHOI' && (closedAt ?? now) > dueAt,
    reporterName: reporter.fullName,
    reporterPhone: rng.phone(),
  };
}

/** Every field report of the data range, newest first, numbered `PA-<year>-<sequence of the year>`. */
export function generateCitizenReports(ctx: GenerationContext): ReportRecord[] {
  const records: Omit<ReportRecord, 'id'>[] = [];
  const oldEnd = new Date(Math.min(reformInstant.getTime(), ctx.now.getTime()));
  const newStart = new Date(Math.max(reformInstant.getTime(), ctx.start.getTime()));
  const spans: [EgovUnit, Date, Date][] = [
    ...egovUnits.oldCommunes.map((unit): [EgovUnit, Date, Date] => [unit, ctx.start, oldEnd]),
    ...egovUnits.newCommunes.map((unit): [EgovUnit, Date, Date] => [unit, newStart, ctx.now]),
  ];
  for (const [unit, from, to] of spans) {
    if (from >= to) continue;
    const rng = ctx.rng.fork(`reports-${unit.version}-${unit.code}`);
    const perDay = unit.urban ? (unit.version === 'OLD' ? 0.25 : 0.9) : unit.version === 'OLD' ? 0.04 : 0.15;
    const count = Math.round(perDay * ((to.getTime() - from.getTime()) / DAY_MS) * rng.float(0.7, 1.3));
    for (let index = 0; index < count; index += 1) records.push(generateOne({ ...ctx, rng }, unit, from, to));
  }
  records.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const perYear = new Map<number, number>();
  return records
    .map((record) => {
      const year = new Date(record.receivedAt.getTime() + 7 * HOUR_MS).getUTCFullYear();
      const next = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, next);
      return { ...record, id: `PA-${year}-${String(next).padStart(6, '0')}` };
    })
    .reverse();
}
