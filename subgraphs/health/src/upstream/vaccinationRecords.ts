import { alignByKey, orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import type { VaccinationRecord } from '../model.js';
import type { CallContext } from './client.js';
import { parseRecordPage, recordSearchBody } from './mapping.js';

/** How many numbers the registry accepts in one search. */
export const MAX_CCCDS_PER_SEARCH = 100;

/**
 * Records for many personal identification numbers in one call, in key order (null: no record). The registry is
 * searched by POST so the numbers travel in the body, never in a URL; the search is a read, so it is retried.
 */
export async function getVaccinationRecords(
  client: UpstreamClient,
  cccds: readonly string[],
  context: CallContext,
): Promise<(VaccinationRecord | null)[]> {
  const response = await client.request({
    ...context,
    method: 'POST',
    path: '/immunization/records/search',
    body: recordSearchBody(cccds),
    idempotent: true,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });
  const page = orNull(response, (found) => parseRecordPage(parseJson(found.text)));
  return alignByKey(cccds, page?.items ?? [], (record) => record.cccd);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: let the envelope check report it as a malformed payload.
    return undefined;
  }
}
