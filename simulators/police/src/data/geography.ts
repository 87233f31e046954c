import { adminUnits, createRng, type AdminUnitRecord } from '@lgsp/simulator-kit';

/** Where a commune of the former Hòa Bình province sits, with the names the police use for its places. */
export interface CommunePlace {
  /** The old (until 2025-06-30) commune code. */
  oldCode: string;
  oldName: string;
  /** Short name without "Phường"/"Xã"/"Thị trấn", for place names ("Chợ Tân Thịnh"). */
  shortName: string;
  districtCode: string;
  districtName: string;
  /** The new commune (from 2025-07-01) it went to; the first one when it was split. */
  newCode: string;
  newName: string;
  latitude: number;
  longitude: number;
  /** Roads through the district, for intersections, road cameras and accidents. */
  roads: readonly string[];
  /** Urban ward, district town or rural commune: drives volumes. */
  kind: 'URBAN' | 'TOWN' | 'RURAL';
}

interface DistrictGeo {
  latitude: number;
  longitude: number;
  /** Spread of its communes around the centre, in degrees. */
  radius: number;
  roads: readonly string[];
}

// Approximate district centres (WGS84) and the national/provincial roads through them.
const districts: Readonly<Record<string, DistrictGeo>> = {
  '148': {
    latitude: 20.817,
    longitude: 105.337,
    radius: 0.05,
    roads: [
      'Quốc lộ 6',
      'Đường Cù Chính Lan',
      'Đường Trần Hưng Đạo',
      'Đường An Dương Vương',
      'Đường Hòa Bình',
    ],
  },
  '150': { latitude: 20.88, longitude: 105.16, radius: 0.14, roads: ['Đường tỉnh 433', 'Đường tỉnh 434'] },
  '152': {
    latitude: 20.87,
    longitude: 105.52,
    radius: 0.08,
    roads: ['Quốc lộ 6', 'Đường Hồ Chí Minh', 'Quốc lộ 21A'],
  },
  '153': {
    latitude: 20.67,
    longitude: 105.54,
    radius: 0.1,
    roads: ['Quốc lộ 12B', 'Đường Hồ Chí Minh', 'Đường tỉnh 435'],
  },
  '154': { latitude: 20.7, longitude: 105.33, radius: 0.07, roads: ['Quốc lộ 6', 'Đường tỉnh 435'] },
  '155': { latitude: 20.61, longitude: 105.25, radius: 0.09, roads: ['Quốc lộ 6', 'Quốc lộ 12B'] },
  '156': { latitude: 20.66, longitude: 105.05, radius: 0.12, roads: ['Quốc lộ 6', 'Quốc lộ 15'] },
  '157': {
    latitude: 20.47,
    longitude: 105.44,
    radius: 0.1,
    roads: ['Quốc lộ 12B', 'Đường tỉnh 436', 'Đường tỉnh 437'],
  },
  '158': { latitude: 20.41, longitude: 105.62, radius: 0.07, roads: ['Quốc lộ 12B', 'Đường Hồ Chí Minh'] },
  '159': {
    latitude: 20.5,
    longitude: 105.76,
    radius: 0.08,
    roads: ['Quốc lộ 21A', 'Đường Hồ Chí Minh', 'Đường tỉnh 438'],
  },
};

/** The Hòa Bình hydropower dam, on the Đà river in Phường Tân Hòa. */
export const damSite = { communeCode: '04792', latitude: 20.8085, longitude: 105.324 } as const;

export function shortNameOf(name: string): string {
  return name.replace(/^(Phường|Xã|Thị trấn|Thành phố|Huyện)\s+/u, '');
}

function kindOf(unit: AdminUnitRecord): CommunePlace['kind'] {
  if (unit.parentCode === '148' && unit.name.startsWith('Phường')) return 'URBAN';
  return unit.name.startsWith('Thị trấn') ? 'TOWN' : 'RURAL';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function buildPlaces(): CommunePlace[] {
  const rng = createRng('police-geography');
  const newByOld = new Map<string, string>();
  for (const link of adminUnits.lineage) if (!newByOld.has(link.from)) newByOld.set(link.from, link.to);
  const newNames = new Map(adminUnits.newCommunes.map((unit) => [unit.code, unit.name]));
  const districtNames = new Map(adminUnits.oldDistricts.map((unit) => [unit.code, unit.name]));
  return adminUnits.oldCommunes.map((unit) => {
    const districtCode = unit.parentCode ?? '148';
    const geo = districts[districtCode] ?? districts['148']!;
    const kind = kindOf(unit);
    // District towns sit near the centre; rural communes spread over the district.
    const spread = kind === 'RURAL' ? geo.radius : geo.radius / 4;
    const newCode = newByOld.get(unit.code) ?? unit.code;
    return {
      oldCode: unit.code,
      oldName: unit.name,
      shortName: shortNameOf(unit.name),
      districtCode,
      districtName: districtNames.get(districtCode) ?? '',
      newCode,
      newName: newNames.get(newCode) ?? unit.name,
      latitude: clamp(geo.latitude + rng.float(-spread, spread, 5), 20.3, 21.1),
      longitude: clamp(geo.longitude + rng.float(-spread, spread, 5), 104.8, 105.9),
      roads: geo.roads,
      kind,
    };
  });
}

/** Every old commune with its place data, in the order of `adminUnits.oldCommunes`. */
export const communePlaces: readonly CommunePlace[] = buildPlaces();

/** A point near a commune's centre, `radius` degrees at most, rounded to 5 decimals (about 1 m). */
export function pointNear(
  rng: { float(min: number, max: number, decimals?: number): number },
  centre: { latitude: number; longitude: number },
  radius: number,
): { latitude: number; longitude: number } {
  return {
    latitude: clamp(centre.latitude + rng.float(-radius, radius, 5), 20.3, 21.1),
    longitude: clamp(centre.longitude + rng.float(-radius, radius, 5), 104.8, 105.9),
  };
}
