import { adminUnits, type Rng } from '@lgsp/simulator-kit';
import { diseases, outbreaks, type Disease } from './diseases.js';
import type { CommunePlace } from './geography.js';
import { addDays, isoDate, isoWeekOf, mondayOfIsoWeek, weekMonday } from './isoWeek.js';
import { binomial, poisson } from './sampling.js';

/** One row of the weekly notifiable-disease report: one unit, one disease, one ISO week. */
export interface CaseRow {
  unitCode: string;
  diseaseCode: string;
  isoWeek: string;
  weekStart: string;
  weekEnd: string;
  cases: number;
  deaths: number;
  hospitalised: number;
}

export interface CaseStats {
  /** Every reported week, oldest first (`2024-W27` …). */
  weeks: readonly string[];
  /** A unit's rows for one disease, oldest first; only weeks in which the unit existed and reported. */
  rowsOf(unitCode: string, diseaseCode: string): readonly CaseRow[];
}

const REPORTED_DAYS = 548; // 18 months

interface Week {
  isoWeek: string;
  monday: Date;
  /** Whether it ends on or after the reform date, and is reported by the new communes. */
  afterReform: boolean;
}

function reportedWeeks(asOf: Date): Week[] {
  const reformDay = new Date(`${adminUnits.newValidFrom}T00:00:00Z`);
  // The latest week reported is the last one complete on `asOf`.
  const last = weekMonday(addDays(asOf, -6));
  const weeks: Week[] = [];
  for (let monday = weekMonday(addDays(asOf, -REPORTED_DAYS)); monday <= last; monday = addDays(monday, 7)) {
    weeks.push({ isoWeek: isoWeekOf(monday), monday, afterReform: addDays(monday, 6) >= reformDay });
  }
  return weeks;
}

/** Extra expected cases an outbreak adds to one of its communes in a week. */
function outbreakCases(diseaseCode: string, communeCode: string, monday: Date): number {
  let extra = 0;
  for (const outbreak of outbreaks) {
    if (outbreak.diseaseCode !== diseaseCode || !outbreak.communeCodes.includes(communeCode)) continue;
    const peak = mondayOfIsoWeek(outbreak.peak);
    if (!peak) continue;
    const weeksAway = (monday.getTime() - peak.getTime()) / (7 * 86_400_000);
    extra +=
      (outbreak.peakCases / outbreak.communeCodes.length) *
      Math.exp(-(weeksAway * weeksAway) / (2 * outbreak.widthWeeks * outbreak.widthWeeks));
  }
  return extra;
}

class CaseTable {
  readonly rows = new Map<string, CaseRow[]>();

  add(
    unitCode: string,
    disease: Disease,
    week: Week,
    counts: Pick<CaseRow, 'cases' | 'deaths' | 'hospitalised'>,
  ) {
    const key = `${unitCode}|${disease.diseaseCode}`;
    const list = this.rows.get(key) ?? [];
    const last = list.at(-1);
    if (last?.isoWeek === week.isoWeek) {
      last.cases += counts.cases;
      last.deaths += counts.deaths;
      last.hospitalised += counts.hospitalised;
      return;
    }
    list.push({
      unitCode,
      diseaseCode: disease.diseaseCode,
      isoWeek: week.isoWeek,
      weekStart: isoDate(week.monday),
      weekEnd: isoDate(addDays(week.monday, 6)),
      ...counts,
    });
    this.rows.set(key, list);
  }
}

function sample(rng: Rng, disease: Disease, mean: number) {
  const cases = poisson(rng, mean);
  const hospitalised = binomial(rng, cases, disease.hospitalisation);
  const deaths = Math.min(hospitalised || cases, binomial(rng, cases, disease.fatality));
  return { cases, deaths, hospitalised: Math.max(hospitalised, deaths) };
}

/**
 * Weekly cases for the last 18 months. Weeks before the 2025 reform are reported by the old communes and summed
 * to their districts and province 17; later weeks by the new communes, summed to province 25.
 */
export function createCaseStats(rng: Rng, places: readonly CommunePlace[], asOf: Date): CaseStats {
  const weeks = reportedWeeks(asOf);
  const totalPopulation = places.reduce((sum, place) => sum + place.population, 0);
  const table = new CaseTable();
  const linksFrom = new Map(
    places.map((place) => [place.code, adminUnits.lineage.filter((link) => link.from === place.code)]),
  );
  for (const disease of diseases) {
    const hotspot = new Map(places.map((place) => [place.code, Math.exp(rng.float(-0.7, 0.7))]));
    for (const week of weeks) {
      const provinceMean = disease.weekly(week.monday);
      const meanOf = (place: CommunePlace): number =>
        (provinceMean * place.population * (hotspot.get(place.code) ?? 1)) / totalPopulation +
        outbreakCases(disease.diseaseCode, place.code, week.monday);
      if (!week.afterReform) {
        for (const place of places) {
          const counts = sample(rng, disease, meanOf(place));
          for (const code of [place.code, place.districtCode, adminUnits.oldProvince.code])
            table.add(code, disease, week, counts);
        }
        continue;
      }
      const newMeans = new Map<string, number>(adminUnits.newCommunes.map((unit) => [unit.code, 0]));
      for (const place of places) {
        const links = linksFrom.get(place.code) ?? [];
        for (const link of links)
          newMeans.set(link.to, (newMeans.get(link.to) ?? 0) + meanOf(place) / links.length);
      }
      for (const [code, mean] of newMeans) {
        const counts = sample(rng, disease, mean);
        for (const unitCode of [code, adminUnits.newProvince.code])
          table.add(unitCode, disease, week, counts);
      }
    }
  }
  return {
    weeks: weeks.map((week) => week.isoWeek),
    rowsOf: (unitCode, diseaseCode) => table.rows.get(`${unitCode}|${diseaseCode}`) ?? [],
  };
}
