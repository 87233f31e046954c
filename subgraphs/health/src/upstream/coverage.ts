import type { UpstreamClient } from '@lgsp/subgraph-kit';
import type { VaccinationCoverage } from '../model.js';
import { getAllPages, groupBy, type CallContext } from './client.js';
import { parseCoveragePage } from './mapping.js';

/** Each unit's coverage rows for a year (undefined: each unit's latest reported year), in one call. */
export async function getCoverage(
  client: UpstreamClient,
  unitCodes: readonly string[],
  year: number | undefined,
  context: CallContext,
): Promise<Map<string, VaccinationCoverage[]>> {
  const query = { unitCodes: unitCodes.join(','), year };
  const rows = await getAllPages(client, '/immunization/coverage', query, parseCoveragePage, context);
  return groupBy(unitCodes, rows, (row) => [row.unitCode]);
}
