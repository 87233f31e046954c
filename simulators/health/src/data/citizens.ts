import type { Rng } from '@lgsp/simulator-kit';
import type { Facility } from './facilities.js';
import type { CommunePlace } from './geography.js';
import { addDays, isoDate } from './isoWeek.js';
import { childSchedule } from './vaccines.js';

/** One dose as the immunisation registry (Hệ thống quản lý thông tin tiêm chủng) records it. */
export interface DoseRecord {
  vaccineCode: string;
  doseNumber: number;
  administeredOn: string;
  facilityCode: string;
  lotNumber: string;
}

/** A citizen's immunisation record, keyed by their (synthetic) personal identification number. */
export interface CitizenRecord {
  cccd: string;
  fullName: string;
  birthDate: string;
  sex: 'NAM' | 'NU';
  residenceCommuneCode: string;
  doses: DoseRecord[];
}

/** How many synthetic citizens the registry holds. */
export const CITIZEN_COUNT = 3_000;

function lot(rng: Rng, vaccineCode: string, on: Date): string {
  return `${vaccineCode.replaceAll('_', '')}-${String(on.getUTCFullYear()).slice(2)}${rng.digits(3)}${rng.pick(['A', 'B', 'C'])}`;
}

function childDoses(
  rng: Rng,
  birth: Date,
  asOf: Date,
  station: Facility,
  birthplace: Facility,
): DoseRecord[] {
  const doses: DoseRecord[] = [];
  for (const due of childSchedule) {
    // Some children miss a dose; the birth doses are given where the child was born.
    if (rng.chance(0.07)) continue;
    const on = addDays(birth, due.ageDays + (due.ageDays === 0 ? 0 : rng.int(0, 20)));
    if (on > asOf) continue;
    const atBirth = due.ageDays <= 7;
    doses.push({
      vaccineCode: due.vaccineCode,
      doseNumber: due.doseNumber,
      administeredOn: isoDate(on),
      facilityCode: (atBirth ? birthplace : station).facilityCode,
      lotNumber: lot(rng, due.vaccineCode, on),
    });
  }
  return doses;
}

function covidDoses(rng: Rng, station: Facility, centre: Facility): DoseRecord[] {
  const count = rng.pick([0, 2, 2, 3, 3, 3, 4]);
  const doses: DoseRecord[] = [];
  let on = rng.date(new Date('2021-08-01T00:00:00Z'), new Date('2021-11-30T00:00:00Z'));
  for (let dose = 1; dose <= count; dose += 1) {
    doses.push({
      vaccineCode: 'COVID19',
      doseNumber: dose,
      administeredOn: isoDate(on),
      facilityCode: (rng.chance(0.6) ? station : centre).facilityCode,
      lotNumber: lot(rng, 'COVID19', on),
    });
    on = addDays(on, dose === 1 ? rng.int(28, 56) : rng.int(120, 200));
  }
  return doses;
}

/** Synthetic citizens: about two thirds children in the programme's schedule, the rest adults with COVID-19 doses. */
export function createCitizens(
  rng: Rng,
  places: readonly CommunePlace[],
  facilities: readonly Facility[],
  asOf: Date,
): CitizenRecord[] {
  const stationOf = new Map(
    facilities.filter((f) => f.category === 'TRAM_Y_TE').map((f) => [f.communeCode, f]),
  );
  const centreOf = new Map(
    facilities.filter((f) => f.category === 'TTYT_HUYEN').map((f) => [f.districtCode, f]),
  );
  const hospital = facilities[0]!;
  const seen = new Set<string>();
  const citizens: CitizenRecord[] = [];
  while (citizens.length < CITIZEN_COUNT) {
    const place = rng.pick(places);
    const station = stationOf.get(place.code)!;
    const centre = centreOf.get(place.districtCode) ?? hospital;
    const child = rng.chance(0.65);
    const birth = child
      ? rng.date(new Date('2012-01-01T00:00:00Z'), addDays(asOf, -30))
      : rng.date(new Date('1945-01-01T00:00:00Z'), new Date('2004-12-31T00:00:00Z'));
    const name = rng.personName();
    const cccd = rng.cccd({ sex: name.sex, birthYear: birth.getUTCFullYear() });
    if (seen.has(cccd)) continue;
    seen.add(cccd);
    const doses = child
      ? childDoses(rng, birth, asOf, station, rng.chance(0.7) ? centre : hospital)
      : covidDoses(rng, station, centre);
    citizens.push({
      cccd,
      fullName: name.fullName,
      birthDate: isoDate(birth),
      sex: name.sex === 'male' ? 'NAM' : 'NU',
      residenceCommuneCode: place.code,
      doses: doses.sort((a, b) => a.administeredOn.localeCompare(b.administeredOn)),
    });
  }
  return citizens;
}
