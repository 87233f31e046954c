import { json, route, type Route } from '@lgsp/simulator-kit';
import type { EgovData } from '../data/egovData.js';
import type { DossierRecord } from '../data/dossiers.js';
import { isOnTime } from '../data/statistics.js';
import { dossierJson, ok } from './format.js';
import { BadParameter, guarded, list, notFoundVn, page, range } from './params.js';

/** `ketQua`: DUNG_HAN (resolved on time) or TRE_HAN (resolved late). */
function resultFilter(query: URLSearchParams): ((dossier: DossierRecord) => boolean) | undefined {
  const wanted = query.get('ketQua');
  if (wanted === null) return undefined;
  if (wanted !== 'DUNG_HAN' && wanted !== 'TRE_HAN') throw new BadParameter('ketQua');
  return (dossier) =>
    (dossier.status === '4' || dossier.status === '5') && isOnTime(dossier) === (wanted === 'DUNG_HAN');
}

function search(data: EgovData, query: URLSearchParams): readonly DossierRecord[] {
  const units = list(query, 'maDonVi');
  const statuses = list(query, 'trangThai');
  const procedure = query.get('maThuTuc');
  const agency = query.get('maCoQuan');
  const channel = query.get('hinhThucNop');
  const { from, to } = range(query);
  const result = resultFilter(query);
  const source = units
    ? units
        .flatMap((code) => data.dossiersByUnit.get(code) ?? [])
        .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    : data.dossiers;
  return source.filter(
    (dossier) =>
      dossier.receivedAt >= from &&
      dossier.receivedAt < to &&
      (!statuses || statuses.includes(dossier.status)) &&
      (procedure === null || dossier.procedure.code === procedure) &&
      (agency === null || dossier.agency.code === agency) &&
      (channel === null || dossier.channel === channel) &&
      (!result || result(dossier)),
  );
}

/**
 * Dossiers (hồ sơ):
 * - `GET /api/v1/hoso?maDonVi=a,b&trangThai=1,2&ketQua=&maThuTuc=&maCoQuan=&hinhThucNop=&tuNgay=&denNgay=&trang=&soBanGhi=`
 *   a page, newest first;
 * - `GET /api/v1/hoso?maHoSo=a,b,c`: many dossiers by number in one call (unknown numbers are left out);
 * - `GET /api/v1/hoso/:maHoSo`: one dossier, 404 when unknown.
 */
export function dossierRoutes(data: EgovData): Route[] {
  return [
    route('GET', '/api/v1/hoso', ({ query }) =>
      guarded(() => {
        const ids = list(query, 'maHoSo');
        if (ids) {
          const found = ids.flatMap((id) => data.dossierById.get(id) ?? []);
          return json(
            ok({ tongSo: found.length, duLieu: found.map((dossier) => dossierJson(dossier, data.now)) }),
          );
        }
        return json(ok(page(search(data, query), query, (dossier) => dossierJson(dossier, data.now))));
      }),
    ),
    route('GET', '/api/v1/hoso/:maHoSo', ({ params }) => {
      const dossier = data.dossierById.get(params.maHoSo!);
      return dossier
        ? json(ok({ duLieu: dossierJson(dossier, data.now) }))
        : notFoundVn('Không tìm thấy hồ sơ');
    }),
  ];
}
