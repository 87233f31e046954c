import { orNull, type UpstreamClient } from '@lgsp/subgraph-kit';
import {
  readObservationPage,
  readReservoir,
  type ReservoirInfo,
  type ReservoirObservation,
} from './mapping.js';
import type { CallContext } from './stations.js';
import { formatVnTime } from './vnTime.js';

/** The reservoir with its latest observation; null for an unknown id. */
export async function getReservoir(
  client: UpstreamClient,
  id: string,
  { requestId }: CallContext,
): Promise<ReservoirInfo | null> {
  return orNull(await client.getJson(`/reservoirs/${encodeURIComponent(id)}`, { requestId }), readReservoir);
}

/** Hourly observations in [fromMs, toMs], oldest first, at most `limit`. */
export async function getObservations(
  client: UpstreamClient,
  id: string,
  fromMs: number,
  toMs: number,
  limit: number,
  { requestId }: CallContext,
): Promise<ReservoirObservation[]> {
  const body = await client.getJson(`/reservoirs/${encodeURIComponent(id)}/observations`, {
    query: { from: formatVnTime(fromMs), to: formatVnTime(toMs), limit },
    requestId,
  });
  return orNull(body, readObservationPage)?.items ?? [];
}
