import { createRng, type Rng } from '@lgsp/simulator-kit';
import { weightedPick } from './weightedPick.js';
import { communePlaces, pointNear, type CommunePlace } from './geography.js';
import { incidentCategories, incidentStatuses, type IncidentCategoryDef } from './incidentCategories.js';
import { formatVnd, homeAddress, policeStation, publicPlace } from './places.js';
import { localDate, localDateTime, RECORDS_FROM, RECORDS_TO, startOfLocalDay } from './time.js';
import { unitScopeOn, type UnitScope } from './unitScope.js';

/** A person named in a case file (synthetic). */
export interface InvolvedPerson {
  role: 'NAN_NHAN' | 'DOI_TUONG' | 'NGUOI_LAM_CHUNG';
  fullName: string;
  idNumber: string;
}

/** One security/public-order incident as the police system stores it. */
export interface IncidentRecord {
  id: string;
  category: IncidentCategoryDef;
  summary: string;
  occurredAt: string;
  reportedAt: string;
  /** Local date of `occurredAt`, for period filters. */
  date: string;
  scope: UnitScope;
  placeName: string;
  sceneAddress: string;
  latitude: number;
  longitude: number;
  status: { code: string; name: string };
  damageVnd: number | undefined;
  handlingUnit: string;
  persons: InvolvedPerson[];
}

const INCIDENT_COUNT = 1400;
const volumeWeight = { URBAN: 6, TOWN: 3, RURAL: 1 } as const;

function statusOf(rng: Rng, category: IncidentCategoryDef, date: string): IncidentRecord['status'] {
  const ageDays = (Date.parse(RECORDS_TO) - Date.parse(date)) / 86_400_000;
  if (ageDays < 14) return rng.chance(0.4) ? incidentStatuses.received : incidentStatuses.verifying;
  if (rng.chance(category.solveRate)) {
    return rng.chance(0.45) ? incidentStatuses.prosecuted : incidentStatuses.resolved;
  }
  return rng.chance(0.15) ? incidentStatuses.transferred : incidentStatuses.verifying;
}

function personsOf(rng: Rng, category: IncidentCategoryDef, date: string): InvolvedPerson[] {
  const year = Number(date.slice(0, 4));
  const person = (role: InvolvedPerson['role'], minAge: number, maxAge: number): InvolvedPerson => ({
    role,
    fullName: rng.personName().fullName,
    idNumber: rng.cccd({ birthYear: year - rng.int(minAge, maxAge) }),
  });
  const persons: InvolvedPerson[] = [];
  if (category.code !== 'MA_TUY' && category.code !== 'DANH_BAC') persons.push(person('NAN_NHAN', 18, 75));
  const suspects = category.code === 'LUA_DAO' || rng.chance(0.3) ? 0 : rng.int(1, 3);
  for (let index = 0; index < suspects; index += 1) persons.push(person('DOI_TUONG', 16, 55));
  if (rng.chance(0.3)) persons.push(person('NGUOI_LAM_CHUNG', 18, 70));
  return persons;
}

function fillSummary(template: string, rng: Rng, place: CommunePlace, damageVnd: number | undefined): string {
  return template
    .replace('{place}', publicPlace(rng, place))
    .replace('{road}', rng.pick(place.roads))
    .replace('{amount}', damageVnd === undefined ? 'chưa xác định' : formatVnd(damageVnd));
}

function generateIncident(rng: Rng, from: Date, to: Date): Omit<IncidentRecord, 'id'> {
  const place = weightedPick(rng, communePlaces, (candidate) => volumeWeight[candidate.kind]);
  const category = weightedPick(rng, incidentCategories, (candidate) => candidate.weight);
  const occurred = rng.date(from, to);
  const date = localDate(occurred);
  const damageVnd = category.damageVnd
    ? Math.round(rng.int(category.damageVnd[0], category.damageVnd[1]) / 100_000) * 100_000
    : undefined;
  const residential = category.residential && rng.chance(0.7);
  const point = pointNear(rng, place, place.kind === 'RURAL' ? 0.03 : 0.01);
  const placeName = residential ? 'Nhà riêng' : publicPlace(rng, place);
  const home = homeAddress(rng, place, date);
  return {
    category,
    summary: fillSummary(rng.pick(category.summaries), rng, place, damageVnd),
    occurredAt: localDateTime(occurred),
    reportedAt: localDateTime(new Date(occurred.getTime() + rng.int(20, 36 * 60) * 60_000)),
    date,
    scope: unitScopeOn(place, date),
    placeName,
    // A home's address pins a person; a public place's is given as place name + the unit part of an address.
    sceneAddress: residential ? home : `${placeName}, ${home.split(', ').slice(1).join(', ')}`,
    latitude: point.latitude,
    longitude: point.longitude,
    status: statusOf(rng, category, date),
    damageVnd,
    handlingUnit: policeStation(place, date),
    persons: personsOf(rng, category, date),
  };
}

/** The seeded incident register: 18 months, ordered by time, ids `VV-<year>-<seq>` as the system numbers cases. */
export function generateIncidents(seed: number): IncidentRecord[] {
  const rng = createRng(seed).fork('incidents');
  const from = startOfLocalDay(RECORDS_FROM);
  const to = new Date(startOfLocalDay(RECORDS_TO).getTime() + 86_399_000);
  const drafts = Array.from({ length: INCIDENT_COUNT }, () => generateIncident(rng, from, to));
  drafts.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const perYear = new Map<string, number>();
  return drafts.map((draft) => {
    const year = draft.date.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    return { id: `VV-${year}-${String(sequence).padStart(6, '0')}`, ...draft };
  });
}
