import { readFileSync } from 'node:fs';

/**
 * The real administrative units every simulator generates its data on: the former Hòa Bình province (GSO code 17,
 * 10 districts, 151 communes, valid until 2025-06-30) and the 46 communes/wards of Phú Thọ (code 25) that succeeded
 * them on 2025-07-01, when the district level was abolished. Source and licence: data/NOTICE.
 *
 * A GSO code may stand for two unit versions: a new commune often keeps the code of one of the communes it was
 * formed from (04795 was Phường Thịnh Lang until 2025-06-30 and is Phường Hòa Bình since). `version` tells them apart.
 */
export type AdminUnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface AdminUnitRecord {
  code: string;
  name: string;
  level: AdminUnitLevel;
  /** The code of the unit directly above it in the same version; null for a province. */
  parentCode: string | null;
  /** The province this version belongs to: '17' (old Hòa Bình) or '25' (Phú Thọ after the reform). */
  provinceCode: string;
  /** 'OLD': valid until 2025-06-30; 'NEW': valid from 2025-07-01. */
  version: 'OLD' | 'NEW';
  validFrom: string | null;
  validTo: string | null;
}

/** One old commune's part in a new one: `full` when it went whole, `partial` when it was split between several. */
export interface LineageLink {
  from: string;
  to: string;
  split: boolean;
}

interface RawUnit {
  code: string;
  name: string;
  districtCode?: string;
}

interface RawData {
  validity: { old: { validTo: string }; new: { validFrom: string } };
  old: { province: RawUnit; districts: RawUnit[]; communes: RawUnit[] };
  new: { province: RawUnit; communes: RawUnit[] };
  lineage: LineageLink[];
}

const raw = JSON.parse(
  readFileSync(new URL('../data/admin-units-hoabinh.json', import.meta.url), 'utf8'),
) as RawData;

const oldTo = raw.validity.old.validTo;
const newFrom = raw.validity.new.validFrom;

function record(
  u: RawUnit,
  level: AdminUnitLevel,
  parentCode: string | null,
  version: 'OLD' | 'NEW',
): AdminUnitRecord {
  return {
    code: u.code,
    name: u.name,
    level,
    parentCode,
    provinceCode: version === 'OLD' ? raw.old.province.code : raw.new.province.code,
    version,
    validFrom: version === 'OLD' ? null : newFrom,
    validTo: version === 'OLD' ? oldTo : null,
  };
}

const oldProvince = record(raw.old.province, 'PROVINCE', null, 'OLD');
const oldDistricts = raw.old.districts.map((d) => record(d, 'DISTRICT', oldProvince.code, 'OLD'));
const oldCommunes = raw.old.communes.map((c) => record(c, 'COMMUNE', c.districtCode ?? null, 'OLD'));
// The new province itself continues beyond the reform; it is listed with the new version only.
const newProvince = record(raw.new.province, 'PROVINCE', null, 'NEW');
const newCommunes = raw.new.communes.map((c) => record(c, 'COMMUNE', newProvince.code, 'NEW'));

export const adminUnits = {
  /** The last day the old units were valid (2025-06-30). */
  oldValidTo: oldTo,
  /** The first day of the new units (2025-07-01). */
  newValidFrom: newFrom,
  oldProvince,
  oldDistricts,
  oldCommunes,
  newProvince,
  newCommunes,
  /** Old commune → new commune links; a split old commune has one link per new commune it went to. */
  lineage: raw.lineage,
  /** Every unit version, old first. */
  all: [
    oldProvince,
    ...oldDistricts,
    ...oldCommunes,
    newProvince,
    ...newCommunes,
  ] as readonly AdminUnitRecord[],
  /** Every distinct commune code of either version (a code kept by a new commune appears once). */
  communeCodes: [...new Set([...oldCommunes, ...newCommunes].map((c) => c.code))] as readonly string[],
} as const;
