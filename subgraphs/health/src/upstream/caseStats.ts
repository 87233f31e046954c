import type { UpstreamClient } from '@lgsp/subgraph-kit';
import type { Disease, DiseaseCaseStats, NotifiableDisease } from '../model.js';
import { getAllPages, groupBy, type CallContext } from './client.js';
import { parseCaseStatsPage, parseDiseasePage, upstreamDiseaseCode } from './mapping.js';

/** Each unit's weekly cases of one disease over the last `weeks` reported weeks, oldest first, in one call. */
export async function getCaseStats(
  client: UpstreamClient,
  unitCodes: readonly string[],
  disease: Disease,
  weeks: number,
  context: CallContext,
): Promise<Map<string, DiseaseCaseStats[]>> {
  const query = {
    unitCodes: unitCodes.join(','),
    diseaseCode: upstreamDiseaseCode(disease),
    lastWeeks: weeks,
  };
  const rows = await getAllPages(client, '/surveillance/weekly-cases', query, parseCaseStatsPage, context);
  return groupBy(unitCodes, rows, (row) => [row.unitCode]);
}

export interface WeekRange {
  disease?: Disease;
  fromWeek?: string;
  toWeek?: string;
}

/** One unit's weekly cases between two ISO weeks (either open), for one disease or all, oldest first per disease. */
export function getCaseStatsBetween(
  client: UpstreamClient,
  unitCode: string,
  range: WeekRange,
  context: CallContext,
): Promise<DiseaseCaseStats[]> {
  const query = {
    unitCodes: unitCode,
    diseaseCode: range.disease ? upstreamDiseaseCode(range.disease) : undefined,
    fromWeek: range.fromWeek,
    toWeek: range.toWeek,
  };
  return getAllPages(client, '/surveillance/weekly-cases', query, parseCaseStatsPage, context);
}

/** The diseases under surveillance. */
export function getDiseases(client: UpstreamClient, context: CallContext): Promise<NotifiableDisease[]> {
  return getAllPages(client, '/surveillance/diseases', {}, parseDiseasePage, context);
}
