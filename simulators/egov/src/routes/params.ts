import { json, paginate, type SimReply } from '@lgsp/simulator-kit';
import { nextLocalDay, parseDateLocal } from '../data/calendar.js';
import type { Range } from '../data/statistics.js';

/** A 400 in the system's own shape, naming the parameter at fault. */
export class BadParameter extends Error {
  constructor(readonly parameter: string) {
    super(`invalid parameter ${parameter}`);
  }
}

export function badRequest(error: BadParameter): SimReply {
  return json({ maLoi: '01', thongBao: `Tham số không hợp lệ: ${error.parameter}` }, 400);
}

export function notFoundVn(thongBao: string): SimReply {
  return json({ maLoi: '04', thongBao }, 404);
}

/** Runs a handler, turning a BadParameter into the system's 400. */
export function guarded(handler: () => SimReply): SimReply {
  try {
    return handler();
  } catch (error) {
    if (error instanceof BadParameter) return badRequest(error);
    throw error;
  }
}

/** A comma-separated list (`maDonVi=04789,04792`); empty items dropped. */
export function list(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function date(query: URLSearchParams, name: string): Date | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const parsed = parseDateLocal(raw);
  if (!parsed) throw new BadParameter(name);
  return parsed;
}

/** `tuNgay`/`denNgay` (dd/MM/yyyy, both inclusive) as a half-open range; defaults to all time. */
export function range(query: URLSearchParams, required = false): Range {
  const from = date(query, 'tuNgay');
  const to = date(query, 'denNgay');
  if (required && (!from || !to)) throw new BadParameter(from ? 'denNgay' : 'tuNgay');
  const result = { from: from ?? new Date(0), to: to ? nextLocalDay(to) : new Date(8.64e15) };
  if (result.from >= result.to) throw new BadParameter('denNgay');
  return result;
}

export function bool(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new BadParameter(name);
}

/** Paging in this system's words: `trang` (1-based), `soBanGhi` (≤ 100), answered with `tongSo` and `tongSoTrang`. */
export function page<T, R>(items: readonly T[], query: URLSearchParams, map: (item: T) => R) {
  const cut = paginate(items, query, { pageParam: 'trang', pageSizeParam: 'soBanGhi', maxPageSize: 100 });
  return {
    trang: cut.page,
    soBanGhi: cut.pageSize,
    tongSo: cut.total,
    tongSoTrang: cut.totalPages,
    duLieu: cut.items.map(map),
  };
}
