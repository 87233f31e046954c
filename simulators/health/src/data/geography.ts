import { adminUnits, type AdminUnitRecord, type Rng } from '@lgsp/simulator-kit';

/** An old commune (valid until 2025-06-30) with what the health data needs: people, place, successor. */
export interface CommunePlace {
  code: string;
  name: string;
  districtCode: string;
  /** The post-reform commune (Phú Thọ, from 2025-07-01) it went to; the first one when it was split. */
  newCommuneCode: string;
  population: number;
  latitude: number;
  longitude: number;
  /** A ward (phường) or district town (thị trấn): denser, hosts the district's facilities. */
  urban: boolean;
}

/** Approximate seats of the ten former districts (WGS84), inside the province's bounds. */
const districtSeats: Readonly<Record<string, { latitude: number; longitude: number }>> = {
  '148': { latitude: 20.817, longitude: 105.338 },
  '150': { latitude: 20.877, longitude: 105.252 },
  '152': { latitude: 20.863, longitude: 105.53 },
  '153': { latitude: 20.669, longitude: 105.538 },
  '154': { latitude: 20.706, longitude: 105.327 },
  '155': { latitude: 20.62, longitude: 105.256 },
  '156': { latitude: 20.663, longitude: 105.078 },
  '157': { latitude: 20.49, longitude: 105.45 },
  '158': { latitude: 20.42, longitude: 105.618 },
  '159': { latitude: 20.493, longitude: 105.737 },
};

/** How far communes spread around their district seat, in degrees (the western districts are larger). */
const districtSpread: Readonly<Record<string, number>> = { '148': 0.05, '150': 0.12, '156': 0.1 };

const bounds = { minLat: 20.3, maxLat: 21.1, minLng: 104.8, maxLng: 105.9 };

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function isUrban(unit: AdminUnitRecord): boolean {
  return unit.name.startsWith('Phường') || unit.name.startsWith('Thị trấn');
}

function successorOf(code: string): string {
  const link = adminUnits.lineage.find((candidate) => candidate.from === code);
  if (!link) throw new Error(`commune ${code} has no successor in the lineage data`);
  return link.to;
}

/** Seeded places for the 151 old communes: population and coordinates near their district seat. */
export function createCommunePlaces(rng: Rng): CommunePlace[] {
  return adminUnits.oldCommunes.map((unit) => {
    const districtCode = unit.parentCode ?? '148';
    const seat = districtSeats[districtCode] ?? districtSeats['148']!;
    const urban = isUrban(unit);
    const spread = urban ? 0.02 : (districtSpread[districtCode] ?? 0.07);
    return {
      code: unit.code,
      name: unit.name,
      districtCode,
      newCommuneCode: successorOf(unit.code),
      population: urban ? rng.int(7_000, 18_000) : rng.int(2_500, 8_500),
      latitude: Number(
        clamp(seat.latitude + rng.float(-spread, spread, 4), bounds.minLat, bounds.maxLat).toFixed(5),
      ),
      longitude: Number(
        clamp(seat.longitude + rng.float(-spread, spread, 4), bounds.minLng, bounds.maxLng).toFixed(5),
      ),
      urban,
    };
  });
}

/** Population of each post-reform commune: its whole predecessors, plus an even share of split ones. */
export function newCommunePopulations(places: readonly CommunePlace[]): Map<string, number> {
  const populations = new Map<string, number>(adminUnits.newCommunes.map((unit) => [unit.code, 0]));
  for (const place of places) {
    const links = adminUnits.lineage.filter((link) => link.from === place.code);
    for (const link of links) {
      populations.set(link.to, (populations.get(link.to) ?? 0) + Math.round(place.population / links.length));
    }
  }
  return populations;
}

/** The district town (or first ward) of a district: where its medical centre stands. */
export function districtSeatCommune(places: readonly CommunePlace[], districtCode: string): CommunePlace {
  const inDistrict = places.filter((place) => place.districtCode === districtCode);
  const seat =
    inDistrict.find((place) => place.name.startsWith('Thị trấn')) ?? inDistrict.find((p) => p.urban);
  const chosen = seat ?? inDistrict[0];
  if (!chosen) throw new Error(`district ${districtCode} has no communes`);
  return chosen;
}
