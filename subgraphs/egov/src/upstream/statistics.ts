import { isNotFound, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { CitizenReportCounts, DossierCounts, Period, UnitServiceIndexInputs } from '../model.js';
import { reportMapping, statisticsMapping } from './mapping.js';
import type { CallContext } from './paging.js';

/**
 * Statistics by unit codes, one call for many units (`maDonVi=a,b,c`). Codes the upstream does not know are left out
 * of the answer.
 */
async function perUnit<T>(
  client: UpstreamClient,
  path: string,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
  map: (payload: unknown) => T[],
  query = statisticsMapping.query,
): Promise<T[]> {
  const payload = await client.getJson(path, {
    query: query(unitCodes, period),
    requestId: context.requestId,
  });
  return isNotFound(payload) ? [] : map(payload);
}

export function getDossierCounts(
  client: UpstreamClient,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<DossierCounts[]> {
  return perUnit(client, '/thongke/hoso', unitCodes, period, context, statisticsMapping.dossierCounts);
}

export function getServiceIndexInputs(
  client: UpstreamClient,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<UnitServiceIndexInputs[]> {
  return perUnit(client, '/thongke/chiso766', unitCodes, period, context, statisticsMapping.indexInputs);
}

export function getCitizenReportCounts(
  client: UpstreamClient,
  unitCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<CitizenReportCounts[]> {
  return perUnit(client, '/thongke/phananh', unitCodes, period, context, reportMapping.counts);
}

/** Dossier counts of many handling agencies in one call (same route, keyed by agency codes). */
export function getDossierCountsByAgency(
  client: UpstreamClient,
  agencyCodes: readonly string[],
  period: Period,
  context: CallContext,
): Promise<DossierCounts[]> {
  const { dossierCounts, agencyQuery } = statisticsMapping;
  return perUnit(client, '/thongke/hoso', agencyCodes, period, context, dossierCounts, agencyQuery);
}
