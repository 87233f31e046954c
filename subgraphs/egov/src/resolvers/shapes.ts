import type { CitizenReportCounts, DossierCounts, Period, Slice, UnitServiceIndexInputs } from '../model.js';
import { encodeCursor } from './arguments.js';
import { scoreServiceIndex } from './serviceIndexScore.js';

/** Builds the GraphQL objects whose fields are computed from upstream figures. */

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const unitRef = (code: string) => ({ code });

export function toDossierStats(counts: DossierCounts) {
  return {
    ...counts,
    unit: counts.unitCode === null ? null : unitRef(counts.unitCode),
    agency: counts.agencyCode === null ? null : { code: counts.agencyCode },
    onTimeRate: ratio(counts.resolvedOnTime, counts.resolvedOnTime + counts.resolvedLate),
    onlineShare: ratio(counts.receivedOnline, counts.received),
  };
}

export function toCitizenReportStats(counts: CitizenReportCounts) {
  return {
    ...counts,
    unit: unitRef(counts.unitCode),
    onTimeRate: ratio(counts.resolvedOnTime, counts.resolved),
  };
}

export function toServiceIndex(row: UnitServiceIndexInputs) {
  return {
    unit: unitRef(row.unitCode),
    period: row.period,
    inputs: row.inputs,
    ...scoreServiceIndex(row.inputs),
  };
}

/** A Relay-style connection over a slice fetched from a page-numbered upstream. */
export function toConnection<T>(slice: Slice<T>) {
  const edges = slice.items.map((node, index) => ({ cursor: encodeCursor(slice.offset + index + 1), node }));
  return {
    edges,
    totalCount: slice.totalCount,
    pageInfo: {
      hasNextPage: slice.offset + edges.length < slice.totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
  };
}

export type { Period };
