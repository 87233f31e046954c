import { adminUnits, type Rng } from '@lgsp/simulator-kit';
import { newCommunePopulations, type CommunePlace } from './geography.js';
import { coverageIndicators, type CoverageIndicator } from './vaccines.js';

/** One line of the programme's annual coverage report for a unit. */
export interface CoverageRow {
  unitCode: string;
  year: number;
  indicator: string;
  vaccineCode: string;
  doseNumber: number;
  indicatorName: string;
  targetGroup: string;
  targetPopulation: number;
  vaccinated: number;
  coveragePct: number;
  /** `PROVISIONAL` for the running year. */
  status: 'FINAL' | 'PROVISIONAL';
}

export interface Coverage {
  /** The years reported, oldest first. */
  years: readonly number[];
  /** A unit's rows for a year (every indicator), or for its latest reported year when `year` is undefined. */
  rowsOf(unitCode: string, year?: number): readonly CoverageRow[];
}

/** Remote mountain districts reach fewer children; the city reaches more. */
const districtAdjustment: Readonly<Record<string, number>> = {
  '148': 0.02,
  '150': -0.05,
  '156': -0.04,
  '157': -0.02,
};

interface ReportingUnit {
  code: string;
  population: number;
  districtCode: string;
  parents: string[];
}

function reportingUnits(places: readonly CommunePlace[], year: number): ReportingUnit[] {
  if (year < Number(adminUnits.newValidFrom.slice(0, 4))) {
    return places.map((place) => ({
      code: place.code,
      population: place.population,
      districtCode: place.districtCode,
      parents: [place.districtCode, adminUnits.oldProvince.code],
    }));
  }
  const populations = newCommunePopulations(places);
  return adminUnits.newCommunes.map((unit) => {
    const predecessor = places.find((place) => place.newCommuneCode === unit.code);
    return {
      code: unit.code,
      population: populations.get(unit.code) ?? 0,
      districtCode: predecessor?.districtCode ?? '148',
      parents: [adminUnits.newProvince.code],
    };
  });
}

function row(unitCode: string, year: number, status: CoverageRow['status'], indicator: CoverageIndicator) {
  const { cohortShare: _share, typical: _typical, ...fields } = indicator;
  return { unitCode, year, status, ...fields, targetPopulation: 0, vaccinated: 0, coveragePct: 0 };
}

/**
 * Annual coverage per commune and indicator for the year before `asOf` and the running one; districts and
 * provinces are sums of their communes. Years before the 2025 reform are reported on the old units.
 */
export function createCoverage(rng: Rng, places: readonly CommunePlace[], asOf: Date): Coverage {
  const lastYear = asOf.getUTCFullYear();
  const years = [lastYear - 1, lastYear];
  const table = new Map<string, CoverageRow[]>();
  const rowFor = (unitCode: string, year: number, indicator: CoverageIndicator): CoverageRow => {
    const key = `${unitCode}|${year}`;
    const rows = table.get(key) ?? [];
    table.set(key, rows);
    const existing = rows.find((candidate) => candidate.indicator === indicator.indicator);
    if (existing) return existing;
    const created = row(unitCode, year, year === lastYear ? 'PROVISIONAL' : 'FINAL', indicator);
    rows.push(created);
    return created;
  };
  for (const year of years) {
    for (const unit of reportingUnits(places, year)) {
      for (const indicator of coverageIndicators) {
        const target = Math.max(
          1,
          Math.round(unit.population * indicator.cohortShare * rng.float(0.85, 1.15)),
        );
        const share =
          indicator.typical + (districtAdjustment[unit.districtCode] ?? 0) + rng.float(-0.04, 0.04);
        const vaccinated = Math.round(target * Math.min(1, Math.max(0.55, share)));
        for (const code of [unit.code, ...unit.parents]) {
          const counted = rowFor(code, year, indicator);
          counted.targetPopulation += target;
          counted.vaccinated += vaccinated;
          counted.coveragePct = Number(((100 * counted.vaccinated) / counted.targetPopulation).toFixed(1));
        }
      }
    }
  }
  return {
    years,
    rowsOf: (unitCode, year) => {
      const chosen = year ?? [...years].reverse().find((candidate) => table.has(`${unitCode}|${candidate}`));
      return chosen === undefined ? [] : (table.get(`${unitCode}|${chosen}`) ?? []);
    },
  };
}
