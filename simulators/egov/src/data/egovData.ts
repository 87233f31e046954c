import { createRng } from '@lgsp/simulator-kit';
import { localInstant } from './calendar.js';
import { generateCitizenReports, type ReportRecord } from './citizenReports.js';
import { generateDossiers, type DossierRecord } from './dossiers.js';
import { egovUnits, reformInstant, type EgovUnit } from './units.js';

/** The simulator's default "now": data is generated for the 18 months before it, so the same seed gives the same data. */
export const defaultNow = localInstant(2026, 11, 25, 12);

/** Everything the simulator serves, with the indexes its endpoints need. */
export interface EgovData {
  now: Date;
  start: Date;
  dossiers: readonly DossierRecord[];
  reports: readonly ReportRecord[];
  dossierById: ReadonlyMap<string, DossierRecord>;
  reportById: ReadonlyMap<string, ReportRecord>;
  /** Newest first, by the unit code they were received at (both versions of a shared code together). */
  dossiersByUnit: ReadonlyMap<string, readonly DossierRecord[]>;
  reportsByUnit: ReadonlyMap<string, readonly ReportRecord[]>;
  /** Newest first, by the code of the agency handling them. */
  dossiersByAgency: ReadonlyMap<string, readonly DossierRecord[]>;
  /** Every unit version by code, old first. */
  unitsByCode: ReadonlyMap<string, readonly EgovUnit[]>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function createEgovData(seed: number | string, now: Date): EgovData {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - 18);
  const rng = createRng(seed);
  const ctx = { now, start };
  const dossiers = generateDossiers({ ...ctx, rng: rng.fork('dossiers') });
  const reports = generateCitizenReports({ ...ctx, rng: rng.fork('citizen-reports') });
  const units = [
    egovUnits.oldProvince,
    ...egovUnits.oldDistricts,
    ...egovUnits.oldCommunes,
    egovUnits.newProvince,
    ...egovUnits.newCommunes,
  ];
  return {
    now,
    start,
    dossiers,
    reports,
    dossierById: new Map(dossiers.map((dossier) => [dossier.id, dossier])),
    reportById: new Map(reports.map((report) => [report.id, report])),
    dossiersByUnit: groupBy(dossiers, (dossier) => dossier.unit.code),
    reportsByUnit: groupBy(reports, (report) => report.unit.code),
    dossiersByAgency: groupBy(dossiers, (dossier) => dossier.agency.code),
    unitsByCode: groupBy(units, (unit) => unit.code),
  };
}

/** The version of a code valid at `at` (the newest one when none is). */
export function unitAt(data: EgovData, code: string, at: Date): EgovUnit | undefined {
  const versions = data.unitsByCode.get(code);
  if (!versions) return undefined;
  const wanted = at < reformInstant ? 'OLD' : 'NEW';
  return versions.find((unit) => unit.version === wanted) ?? versions[versions.length - 1];
}
