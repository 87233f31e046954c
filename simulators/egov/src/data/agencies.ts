import type { EgovUnit } from './units.js';

/**
 * The agency codes this system uses (`maCoQuan`): the province's shared agency codes, as the catalog (Hệ thống danh
 * mục dùng chung) publishes them, `<TYPE>-<province code>[-<unit code>]`. This file is the one place that builds them:
 * - People's Committees: `UBND-<province>` and `UBND-<province>-<district or commune>` (`UBND-17-148`, `UBND-25-04795`);
 * - commune/ward police: `CA-<province>-<commune>`;
 * - provincial departments: `<abbreviation>-<province>` (Sở Tư pháp of Phú Thọ = `STP-25`).
 * The province part keeps a reused commune code's two agencies apart (`UBND-17-04795` until 2025-06-30).
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
  if (unit.level === 'PROVINCE') {
    return { code: `UBND-${unit.code}`, name: `Ủy ban nhân dân ${provinceName(unit.code)}` };
  }
  return { code: `UBND-${unit.provinceCode}-${unit.code}`, name: `UBND ${unit.name}` };
}

export function communePolice(unit: EgovUnit): Agency {
  return { code: `CA-${unit.provinceCode}-${unit.code}`, name: `Công an ${unit.name}` };
}

export function department(abbr: DepartmentAbbr, provinceCode: string): Agency {
  return { code: `${abbr}-${provinceCode}`, name: `${departments[abbr]} ${provinceName(provinceCode)}` };
}

/**
 * Who receives field reports and dispatches them: the smart-city operations centre (IOC), a unit of the Department of
 * Science and Technology since March 2025; the catalog lists the department, so its code is used.
 */
export function operationsCentre(provinceCode: string): Agency {
  return {
    code: `SKHCN-${provinceCode}`,
    name: `Trung tâm Giám sát, điều hành đô thị thông minh - Sở Khoa học và Công nghệ ${provinceName(provinceCode)}`,
  };
}
