import { adminUnits, createRng, type AdminUnitRecord } from '@lgsp/simulator-kit';

/** A point in WGS84. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** A unit whose one-stop desk receives dossiers or whose area receives field reports. */
export interface EgovUnit {
  code: string;
  name: string;
  level: AdminUnitRecord['level'];
  version: AdminUnitRecord['version'];
  provinceCode: string;
  /** For an old commune, its district; otherwise null. */
  districtCode: string | null;
  /** An approximate centre (synthetic, see README): where the unit's field reports are placed around. */
  center: LatLng;
  /** Wards (Phường) and towns (Thị trấn): more dossiers and many more field reports. */
  urban: boolean;
}

/**
 * Rough centres of the former districts of Hòa Bình (from public maps, about ±5 km) and how far their communes
 * spread around them, in degrees. Commune centres are placed deterministically inside that spread: plausible on a
 * map of the province, not surveyed boundaries.
 */
const districtAreas: Readonly<Record<string, { center: LatLng; spreadDeg: number }>> = {
  '148': { center: { lat: 20.813, lng: 105.338 }, spreadDeg: 0.04 },
  '150': { center: { lat: 20.88, lng: 105.17 }, spreadDeg: 0.12 },
  '152': { center: { lat: 20.86, lng: 105.53 }, spreadDeg: 0.08 },
  '153': { center: { lat: 20.66, lng: 105.55 }, spreadDeg: 0.09 },
  '154': { center: { lat: 20.71, lng: 105.33 }, spreadDeg: 0.06 },
  '155': { center: { lat: 20.62, lng: 105.25 }, spreadDeg: 0.08 },
  '156': { center: { lat: 20.66, lng: 105.06 }, spreadDeg: 0.09 },
  '157': { center: { lat: 20.47, lng: 105.43 }, spreadDeg: 0.09 },
  '158': { center: { lat: 20.41, lng: 105.62 }, spreadDeg: 0.06 },
  '159': { center: { lat: 20.5, lng: 105.74 }, spreadDeg: 0.07 },
};

function isUrban(name: string): boolean {
  return name.startsWith('Phường') || name.startsWith('Thị trấn');
}

function round(value: number): number {
  return Number(value.toFixed(5));
}

function oldCommuneCenter(unit: AdminUnitRecord): LatLng {
  const area = districtAreas[unit.parentCode ?? ''] ?? districtAreas['148']!;
  const rng = createRng(`egov-center-${unit.code}`);
  const spread = isUrban(unit.name) ? area.spreadDeg / 3 : area.spreadDeg;
  return {
    lat: round(area.center.lat + rng.float(-spread, spread, 5)),
    lng: round(area.center.lng + rng.float(-spread, spread, 5)),
  };
}

function mean(points: readonly LatLng[]): LatLng {
  const lat = points.reduce((sum, point) => sum + point.lat, 0) / points.length;
  const lng = points.reduce((sum, point) => sum + point.lng, 0) / points.length;
  return { lat: round(lat), lng: round(lng) };
}

function buildUnits() {
  const oldCommunes: EgovUnit[] = adminUnits.oldCommunes.map((unit) => ({
    code: unit.code,
    name: unit.name,
    level: unit.level,
    version: unit.version,
    provinceCode: unit.provinceCode,
    districtCode: unit.parentCode,
    center: oldCommuneCenter(unit),
    urban: isUrban(unit.name),
  }));
  const oldCenters = new Map(oldCommunes.map((unit) => [unit.code, unit.center]));
  const newCommunes: EgovUnit[] = adminUnits.newCommunes.map((unit) => {
    const sources = adminUnits.lineage.filter((link) => link.to === unit.code).map((link) => link.from);
    const centers = sources.flatMap((code) => oldCenters.get(code) ?? []);
    return {
      code: unit.code,
      name: unit.name,
      level: unit.level,
      version: unit.version,
      provinceCode: unit.provinceCode,
      districtCode: null,
      center: centers.length > 0 ? mean(centers) : districtAreas['148']!.center,
      urban: isUrban(unit.name),
    };
  });
  const district = (unit: AdminUnitRecord): EgovUnit => ({
    code: unit.code,
    name: unit.name,
    level: unit.level,
    version: unit.version,
    provinceCode: unit.provinceCode,
    districtCode: null,
    center: districtAreas[unit.code]?.center ?? districtAreas['148']!.center,
    urban: false,
  });
  const province = (unit: AdminUnitRecord): EgovUnit => ({
    ...district(unit),
    center: districtAreas['148']!.center,
  });
  return {
    oldProvince: province(adminUnits.oldProvince),
    oldDistricts: adminUnits.oldDistricts.map(district),
    oldCommunes,
    newProvince: province(adminUnits.newProvince),
    newCommunes,
  };
}

/** The unit versions the egov system knows, built once (they are the same for every seed). */
export const egovUnits = buildUnits();

/** The first instant of the new units (2025-07-01 00:00 +07:00). */
export const reformInstant = new Date(`${adminUnits.newValidFrom}T00:00:00+07:00`);
