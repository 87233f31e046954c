import { createKeyedLoader, type UpstreamClient } from '@lgsp/subgraph-kit';
import { fetchCameraEvents, fetchCameras, fetchCamerasByUnit } from './cameras.js';
import type { CallContext } from './client.js';
import { fetchAccidents, fetchAccidentStats, fetchIncidents, fetchIncidentStats } from './incidents.js';
import type { EventQuery } from './mapping.js';
import type { Camera, Period } from './model.js';

export interface UnitPeriodKey {
  unitCode: string;
  period: Period;
}

export interface UnitCamerasKey {
  unitCode: string;
  status: string | null;
}

export interface CameraEventsKey {
  cameraId: string;
  query: EventQuery;
}

/**
 * Runs one upstream call per group of keys that share their arguments (the period, a status filter): a query for all
 * 151 communes and one period is one call. A failed group fails only its own keys.
 */
async function perGroup<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  fetchGroup: (group: K[]) => Promise<readonly V[]>,
): Promise<(V | Error)[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = groupOf(key);
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  const results = new Array<V | Error>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      try {
        const values = await fetchGroup(indexes.map((index) => keys[index]!));
        indexes.forEach((keyIndex, n) => (results[keyIndex] = values[n]!));
      } catch (error) {
        indexes.forEach((keyIndex) => (results[keyIndex] = error as Error));
      }
    }),
  );
  return results;
}

const periodKey = (period: Period): string => `${period.from}/${period.to}`;

/** A loader of per-unit statistics: one call per distinct period among the keys of a batch. */
function createStatsLoader<V>(
  name: string,
  fetch: (unitCodes: readonly string[], period: Period) => Promise<readonly (V | null)[]>,
) {
  return createKeyedLoader(
    (keys: readonly UnitPeriodKey[]) =>
      perGroup(
        keys,
        (key) => periodKey(key.period),
        (group) =>
          fetch(
            group.map((key) => key.unitCode),
            group[0]!.period,
          ),
      ),
    { name, cacheKeyFn: (key) => `${periodKey(key.period)}|${key.unitCode}` },
  );
}

/** This request's DataLoaders over the police system: every keyed read is batched into one SOAP call. */
export function createPoliceLoaders(client: UpstreamClient, requestId: string) {
  const context: CallContext = { requestId };
  const cameraById = createKeyedLoader((ids: readonly string[]) => fetchCameras(client, ids, context), {
    name: 'cameraById',
  });
  // Cameras listed by unit are primed, so their events' `camera` fields cost no further call.
  const primeCameras = (cameras: readonly Camera[]): void => {
    for (const camera of cameras) cameraById.prime(camera.id, camera);
  };
  return {
    cameraById,
    primeCameras,
    incidentById: createKeyedLoader((ids: readonly string[]) => fetchIncidents(client, ids, context), {
      name: 'incidentById',
    }),
    accidentById: createKeyedLoader((ids: readonly string[]) => fetchAccidents(client, ids, context), {
      name: 'accidentById',
    }),
    incidentStatsByUnit: createStatsLoader('incidentStatsByUnit', (codes, period) =>
      fetchIncidentStats(client, codes, period, context),
    ),
    accidentStatsByUnit: createStatsLoader('accidentStatsByUnit', (codes, period) =>
      fetchAccidentStats(client, codes, period, context),
    ),
    camerasByUnit: createKeyedLoader(
      (keys: readonly UnitCamerasKey[]) =>
        perGroup(
          keys,
          (key) => key.status ?? '',
          async (group) => {
            const units = group.map((key) => key.unitCode);
            const lists = await fetchCamerasByUnit(client, units, group[0]!.status, context);
            primeCameras(lists.flat());
            return lists;
          },
        ),
      { name: 'camerasByUnit', cacheKeyFn: (key) => `${key.status ?? ''}|${key.unitCode}` },
    ),
    eventsByCamera: createKeyedLoader(
      (keys: readonly CameraEventsKey[]) =>
        perGroup(
          keys,
          (key) => JSON.stringify(key.query),
          (group) =>
            fetchCameraEvents(
              client,
              group.map((key) => key.cameraId),
              group[0]!.query,
              context,
            ),
        ),
      { name: 'eventsByCamera', cacheKeyFn: (key) => `${JSON.stringify(key.query)}|${key.cameraId}` },
    ),
  };
}

export type PoliceLoaders = ReturnType<typeof createPoliceLoaders>;
