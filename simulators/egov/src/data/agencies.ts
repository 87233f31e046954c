import type { EgovUnit } from './units.js';

/**
 * The agency codes this system uses (`maCoQuan`). One place, so that aligning them with the catalog's agency
 * registry touches only this file (simulator) and `upstream/agencyCodes.ts` (subgraph):
 * - People's Committees: `UBND-<unit code>` (commune, former district or province);
 * - commune/ward police: `CA-<commune code>`;
 * - provincial departments: `<abbreviation>-<province code>` (Sở Tư pháp of Phú Thọ = `STP-25`).
 */
export interface Agency {
  code: string;
  name: string;
}

/** Provincial departments after the March 2025 restructuring (the whole data range is later). */
export const departments = {
  STP: 'Sở Tư pháp',
  STC: 'Sở Tài chính',
  SXD: 'Sở Xây dựng',
  SYT: 'Sở Y tế',
  SNNMT: 'Sở Nông nghiệp và Môi trường',
  SNV: 'Sở Nội vụ',
  SCT: 'Sở Công Thương',
} as const;

export type DepartmentAbbr = keyof typeof departments;

function provinceName(provinceCode: string): string {
  return provinceCode === '17' ? 'tỉnh Hòa Bình' : 'tỉnh Phú Thọ';
}

export function peoplesCommittee(unit: EgovUnit): Agency {
  const name = unit.level === 'PROVINCE' ? `Ủy ban nhân dân ${provinceName(unit.code)}` : `UBND ${unit.name}`;
  return { code: `UBND-${unit.code}`, name };
}

export function communePolice(unit: EgovUnit): Agency {
  return { code: `CA-${unit.code}`, name: `Công an ${unit.name}` };
}

export function department(abbr: DepartmentAbbr, provinceCode: string): Agency {
  return { code: `${abbr}-${provinceCode}`, name: `${departments[abbr]} ${provinceName(provinceCode)}` };
}

/** The province's smart-city operations centre (IOC), which receives field reports and dispatches them. */
export function operationsCentre(provinceCode: string): Agency {
  return {
    code: `IOC-${provinceCode}`,
    name: `Trung tâm Giám sát, điều hành đô thị thông minh ${provinceName(provinceCode)}`,
  };
}
