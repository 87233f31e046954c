import { adminUnits, type AdminUnitRecord } from '@lgsp/simulator-kit';

/**
 * A unit version as the national category service publishes it (English field names; levels numbered 1 province,
 * 2 district, 3 commune). A code may have two versions (04795: Phường Thịnh Lang until 2025-06-30, Phường Hòa Bình
 * since): the dates tell them apart.
 */
export interface CategoryUnit {
  unitCode: string;
  unitName: string;
  /** The type word at the start of the name: Tỉnh, Thành phố, Huyện, Thị xã, Phường, Xã, Thị trấn. */
  unitType: string;
  levelCode: 1 | 2 | 3;
  parentCode: string | null;
  provinceCode: string;
  /** YYYY-MM-DD; null when the unit predates the register. */
  effectiveDate: string | null;
  /** YYYY-MM-DD, the last day of validity; null while in force. */
  expiryDate: string | null;
  predecessors: LineageRef[];
  successors: LineageRef[];
}

/** A link to another unit version: `FULL` when the whole unit went over, `PARTIAL` when it was split. */
export interface LineageRef {
  unitCode: string;
  unitName: string;
  relation: 'FULL' | 'PARTIAL';
  effectiveDate: string | null;
  expiryDate: string | null;
}

const UNIT_TYPES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Tỉnh', 'Huyện', 'Phường', 'Xã'] as const;

export function unitTypeOf(name: string): string {
  const type = UNIT_TYPES.find((candidate) => name.startsWith(`${candidate} `));
  if (!type) throw new Error(`unit name without a known type word: ${name}`);
  return type;
}

const LEVEL_CODES = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 } as const;

function ref(unit: AdminUnitRecord, relation: 'FULL' | 'PARTIAL'): LineageRef {
  return {
    unitCode: unit.code,
    unitName: unit.name,
    relation,
    effectiveDate: unit.validFrom,
    expiryDate: unit.validTo,
  };
}

/** Every unit version of the register, with lineage on both sides (old → new communes, old province → new). */
export function buildCategoryUnits(): CategoryUnit[] {
  const oldByCode = new Map(
    [adminUnits.oldProvince, ...adminUnits.oldDistricts, ...adminUnits.oldCommunes].map((u) => [u.code, u]),
  );
  const newByCode = new Map([adminUnits.newProvince, ...adminUnits.newCommunes].map((u) => [u.code, u]));
  // The provinces' own link: Hòa Bình merged whole into Phú Thọ on 2025-07-01.
  const links = [
    ...adminUnits.lineage,
    { from: adminUnits.oldProvince.code, to: adminUnits.newProvince.code, split: false },
  ];
  return adminUnits.all.map((unit) => {
    const predecessors =
      unit.version === 'NEW'
        ? links
            .filter((link) => link.to === unit.code)
            .map((link) => ({ link, other: oldByCode.get(link.from) }))
        : [];
    const successors =
      unit.version === 'OLD'
        ? links
            .filter((link) => link.from === unit.code)
            .map((link) => ({ link, other: newByCode.get(link.to) }))
        : [];
    const toRefs = (items: typeof predecessors): LineageRef[] =>
      items
        .flatMap(({ link, other }) => (other ? [ref(other, link.split ? 'PARTIAL' : 'FULL')] : []))
        .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    return {
      unitCode: unit.code,
      unitName: unit.name,
      unitType: unitTypeOf(unit.name),
      levelCode: LEVEL_CODES[unit.level],
      parentCode: unit.parentCode,
      provinceCode: unit.provinceCode,
      effectiveDate: unit.validFrom,
      expiryDate: unit.validTo,
      predecessors: toRefs(predecessors),
      successors: toRefs(successors),
    };
  });
}

/** Whether a version is in force on `date` (YYYY-MM-DD); open ends count as unbounded. */
export function isValidOn(
  unit: { effectiveDate: string | null; expiryDate: string | null },
  date: string,
): boolean {
  return (
    (unit.effectiveDate === null || unit.effectiveDate <= date) &&
    (unit.expiryDate === null || date <= unit.expiryDate)
  );
}
