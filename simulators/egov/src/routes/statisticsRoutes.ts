import { json, route, type Route, type SimReply } from '@lgsp/simulator-kit';
import { formatDateLocal } from '../data/calendar.js';
import { unitAt, type EgovData } from '../data/egovData.js';
import { dossierCounts, reportCounts, serviceIndexInputs, type Range } from '../data/statistics.js';
import { ok } from './format.js';
import { BadParameter, guarded, list, range } from './params.js';

type PerUnit = (code: string, window: Range) => object;

/** One row per known unit code asked for (unknown codes are left out), for the period `tuNgay`–`denNgay`. */
function perUnit(data: EgovData, query: URLSearchParams, build: PerUnit): SimReply {
  return guarded(() => {
    const codes = list(query, 'maDonVi');
    if (!codes || codes.length === 0) throw new BadParameter('maDonVi');
    const window = range(query, true);
    const lastDay = new Date(window.to.getTime() - 1);
    const duLieu = codes
      .filter((code) => data.unitsByCode.has(code))
      .map((code) => ({
        maDonVi: code,
        tenDonVi: unitAt(data, code, lastDay)?.name ?? null,
        tuNgay: formatDateLocal(window.from),
        denNgay: formatDateLocal(lastDay),
        ...build(code, window),
      }));
    return json(ok({ duLieu }));
  });
}

/**
 * Dossier counts by handling agency (`maCoQuan=a,b,c`): one row per agency that handled any dossier (unknown codes
 * are left out), with the agency's name as the system records it.
 */
function perAgency(data: EgovData, query: URLSearchParams): SimReply {
  return guarded(() => {
    const codes = list(query, 'maCoQuan') ?? [];
    const window = range(query, true);
    const duLieu = codes.flatMap((code) => {
      const handled = data.dossiersByAgency.get(code);
      if (!handled) return [];
      return [
        {
          maCoQuan: code,
          tenCoQuan: handled[0]!.agency.name,
          tuNgay: formatDateLocal(window.from),
          denNgay: formatDateLocal(new Date(window.to.getTime() - 1)),
          ...dossierCounts(handled, window, data.now),
        },
      ];
    });
    return json(ok({ duLieu }));
  });
}

/**
 * Statistics by unit codes (batch: `maDonVi=a,b,c`, `tuNgay`/`denNgay` required, dd/MM/yyyy inclusive). Each
 * counts what the unit received in the period, by its status at the system's "now":
 * - `GET /api/v1/thongke/hoso`: dossier counts (or by handling agency with `maCoQuan=a,b,c` instead of `maDonVi`);
 * - `GET /api/v1/thongke/chiso766`: the raw inputs of the Decision 766/QĐ-TTg service index;
 * - `GET /api/v1/thongke/phananh`: field-report counts, by status and category.
 */
export function statisticsRoutes(data: EgovData): Route[] {
  const dossiersOf = (code: string) => data.dossiersByUnit.get(code) ?? [];
  return [
    route('GET', '/api/v1/thongke/hoso', ({ query }) =>
      query.has('maCoQuan')
        ? perAgency(data, query)
        : perUnit(data, query, (code, window) => dossierCounts(dossiersOf(code), window, data.now)),
    ),
    route('GET', '/api/v1/thongke/chiso766', ({ query }) =>
      perUnit(data, query, (code, window) =>
        serviceIndexInputs(dossiersOf(code), unitAt(data, code, new Date(window.to.getTime() - 1)), window),
      ),
    ),
    route('GET', '/api/v1/thongke/phananh', ({ query }) =>
      perUnit(data, query, (code, window) => reportCounts(data.reportsByUnit.get(code) ?? [], window)),
    ),
  ];
}
