import { json, route, type Route } from '@lgsp/simulator-kit';
import type { ReportRecord } from '../data/citizenReports.js';
import type { EgovData } from '../data/egovData.js';
import { ok, reportEventJson, reportJson } from './format.js';
import { bool, guarded, list, notFoundVn, page, range } from './params.js';

function search(data: EgovData, query: URLSearchParams, units = list(query, 'maDonVi')): ReportRecord[] {
  const statuses = list(query, 'trangThai');
  const categories = list(query, 'maLinhVuc');
  const overdue = bool(query, 'quaHan');
  const { from, to } = range(query);
  const source = units
    ? units
        .flatMap((code) => data.reportsByUnit.get(code) ?? [])
        .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    : data.reports;
  return source.filter(
    (report) =>
      report.receivedAt >= from &&
      report.receivedAt < to &&
      (!statuses || statuses.includes(report.status)) &&
      (!categories || categories.includes(report.category.code)) &&
      (overdue === undefined || report.overdue === overdue),
  );
}

function histories(data: EgovData, body: string) {
  let ids: unknown;
  try {
    ids = (JSON.parse(body) as { dsMaPhanAnh?: unknown }).dsMaPhanAnh;
  } catch {
    ids = undefined;
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    return json({ maLoi: '01', thongBao: 'Tham số không hợp lệ: dsMaPhanAnh' }, 400);
  }
  const found = (ids as string[]).flatMap((id) => data.reportById.get(id) ?? []);
  return json(
    ok({
      duLieu: found.map((report) => ({ maPhanAnh: report.id, lichSu: report.history.map(reportEventJson) })),
    }),
  );
}

/**
 * Field reports (phản ánh hiện trường):
 * - `GET /api/v1/phananh?maDonVi=&trangThai=&maLinhVuc=&quaHan=&tuNgay=&denNgay=&trang=&soBanGhi=`: a page, newest first;
 * - `GET /api/v1/phananh?maPhanAnh=a,b`: many reports by id in one call (unknown ids left out);
 * - `GET /api/v1/phananh/theo-don-vi?maDonVi=a,b&trangThai=&soBanGhi=N`: the newest N reports of each unit, one call;
 * - `POST /api/v1/phananh/lich-su` `{ "dsMaPhanAnh": [...] }`: status histories of many reports (a read);
 * - `GET /api/v1/phananh/:maPhanAnh`: one report, 404 when unknown.
 */
export function reportRoutes(data: EgovData): Route[] {
  return [
    route('GET', '/api/v1/phananh', ({ query }) =>
      guarded(() => {
        const ids = list(query, 'maPhanAnh');
        if (ids) {
          const found = ids.flatMap((id) => data.reportById.get(id) ?? []);
          return json(ok({ tongSo: found.length, duLieu: found.map(reportJson) }));
        }
        return json(ok(page(search(data, query), query, reportJson)));
      }),
    ),
    route('GET', '/api/v1/phananh/theo-don-vi', ({ query }) =>
      guarded(() => {
        const units = list(query, 'maDonVi') ?? [];
        const size = Math.min(Math.max(Number.parseInt(query.get('soBanGhi') ?? '10', 10) || 10, 1), 100);
        const duLieu = units
          .filter((code) => data.unitsByCode.has(code))
          .map((code) => {
            const reports = search(data, query, [code]);
            return {
              maDonVi: code,
              tongSo: reports.length,
              danhSach: reports.slice(0, size).map(reportJson),
            };
          });
        return json(ok({ duLieu }));
      }),
    ),
    route('POST', '/api/v1/phananh/lich-su', ({ body }) => histories(data, body)),
    route('GET', '/api/v1/phananh/:maPhanAnh', ({ params }) => {
      const report = data.reportById.get(params.maPhanAnh!);
      return report ? json(ok({ duLieu: reportJson(report) })) : notFoundVn('Không tìm thấy phản ánh');
    }),
  ];
}
