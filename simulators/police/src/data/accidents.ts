import { createRng, type Rng } from '@lgsp/simulator-kit';
import { communePlaces, pointNear, type CommunePlace } from './geography.js';
import { weightedPick } from './weightedPick.js';
import { plateFor, vehicleNames, type VehicleKind } from './plates.js';
import { policeStation } from './places.js';
import { localDate, localDateTime, RECORDS_FROM, RECORDS_TO, REFORM_DATE, startOfLocalDay } from './time.js';
import { unitScopeOn, type UnitScope } from './unitScope.js';

export interface AccidentVehicle {
  kind: VehicleKind;
  plateNumber: string | undefined;
  driverName: string;
}

/** One road traffic accident as the traffic police file it. */
export interface AccidentRecord {
  id: string;
  occurredAt: string;
  date: string;
  scope: UnitScope;
  roadName: string;
  kmMarker: string | undefined;
  latitude: number;
  longitude: number;
  deaths: number;
  injuries: number;
  cause: { code: string; name: string };
  summary: string;
  propertyDamageVnd: number;
  handlingUnit: string;
  vehicles: AccidentVehicle[];
}

const ACCIDENT_COUNT = 260;

const causes = [
  { code: 'CHAY_QUA_TOC_DO', name: 'Chạy quá tốc độ quy định', weight: 18 },
  { code: 'SU_DUNG_RUOU_BIA', name: 'Điều khiển phương tiện sau khi sử dụng rượu, bia', weight: 16 },
  { code: 'DI_SAI_PHAN_DUONG', name: 'Đi không đúng phần đường, làn đường', weight: 20 },
  { code: 'VUOT_SAI_QUY_DINH', name: 'Vượt xe không đúng quy định', weight: 12 },
  { code: 'CHUYEN_HUONG_SAI', name: 'Chuyển hướng không đảm bảo an toàn', weight: 12 },
  { code: 'KHONG_CHU_Y_QUAN_SAT', name: 'Không chú ý quan sát', weight: 14 },
  { code: 'MAT_PHANH_DEO_DOC', name: 'Mất phanh khi xuống đèo dốc', weight: 5 },
] as const;

const vehicleWeights: readonly [VehicleKind, number][] = [
  ['XE_MAY', 60],
  ['O_TO_CON', 15],
  ['O_TO_TAI', 15],
  ['XE_KHACH', 5],
  ['XE_DAP', 5],
];

function vehiclesOf(rng: Rng): AccidentVehicle[] {
  const count = weightedPick(rng, [1, 2, 3], (n) => [25, 65, 10][n - 1]!);
  return Array.from({ length: count }, () => {
    const kind = weightedPick(rng, vehicleWeights, ([, weight]) => weight)[0];
    return { kind, plateNumber: plateFor(rng, kind), driverName: rng.personName().fullName };
  });
}

function summaryOf(
  vehicles: readonly AccidentVehicle[],
  road: string,
  km: string | undefined,
  place: CommunePlace,
): string {
  const parties = vehicles.map((vehicle) => vehicleNames[vehicle.kind].toLowerCase());
  const what =
    parties.length === 1
      ? `${vehicleNames[vehicles[0]!.kind]} tự gây tai nạn`
      : `Va chạm giữa ${parties.join(' và ')}`;
  return `${what} trên ${road}${km ? `, ${km}` : ''} (đoạn qua ${place.oldName})`;
}

function generateAccident(rng: Rng, from: Date, to: Date): Omit<AccidentRecord, 'id'> {
  const place = weightedPick(rng, communePlaces, (candidate) => (candidate.kind === 'RURAL' ? 1 : 3));
  const occurred = rng.date(from, to);
  const date = localDate(occurred);
  const roadName = rng.pick(place.roads);
  const kmMarker = roadName.startsWith('Quốc lộ')
    ? `Km ${rng.int(30, 180)}+${rng.int(0, 9) * 100}`
    : undefined;
  const vehicles = vehiclesOf(rng);
  const deaths = weightedPick(rng, [0, 1, 2, 3], (n) => [45, 45, 8, 2][n]!);
  const point = pointNear(rng, place, 0.02);
  return {
    occurredAt: localDateTime(occurred),
    date,
    scope: unitScopeOn(place, date),
    roadName,
    kmMarker,
    latitude: point.latitude,
    longitude: point.longitude,
    deaths,
    injuries: deaths > 0 && rng.chance(0.5) ? 0 : rng.int(1, 4),
    cause: weightedPick(rng, causes, (cause) => cause.weight),
    summary: summaryOf(vehicles, roadName, kmMarker, place),
    propertyDamageVnd: rng.int(1, 400) * 500_000,
    handlingUnit: date < REFORM_DATE ? `Đội CSGT-TT ${place.districtName}` : policeStation(place, date),
    vehicles,
  };
}

/** The seeded accident register (18 months), ordered by time, ids `TNGT-<year>-<seq>`. */
export function generateAccidents(seed: number): AccidentRecord[] {
  const rng = createRng(seed).fork('accidents');
  const from = startOfLocalDay(RECORDS_FROM);
  const to = new Date(startOfLocalDay(RECORDS_TO).getTime() + 86_399_000);
  const drafts = Array.from({ length: ACCIDENT_COUNT }, () => generateAccident(rng, from, to));
  drafts.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const perYear = new Map<string, number>();
  return drafts.map((draft) => {
    const year = draft.date.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    return { id: `TNGT-${year}-${String(sequence).padStart(5, '0')}`, ...draft };
  });
}
