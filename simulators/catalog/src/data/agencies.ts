import { adminUnits, createRng, type AdminUnitRecord, type Rng } from '@lgsp/simulator-kit';
import { unitTypeOf } from './units.js';

/**
 * An agency of the shared category (English field names). Codes are synthetic, in the format
 * `<TYPE>-<province code>[-<unit code>]`: `SYT-17` (Sở Y tế tỉnh Hòa Bình), `UBND-17-148` (UBND thành phố Hòa Bình),
 * `CA-25-04795` (Công an phường Hòa Bình, Phú Thọ). The province part keeps two agencies of a reused unit code
 * apart (`UBND-17-04795` Phường Thịnh Lang until 2025-06-30, `UBND-25-04795` Phường Hòa Bình since).
 */
export interface CategoryAgency {
  agencyCode: string;
  agencyName: string;
  shortName: string;
  agencyType:
    'PEOPLES_COMMITTEE' | 'DEPARTMENT' | 'POLICE' | 'HOSPITAL' | 'HEALTH_CENTER' | 'PUBLIC_SERVICE_UNIT';
  /** The administrative unit the agency governs or serves. */
  unitCode: string;
  parentAgencyCode: string | null;
  address: string;
  /** The agency's switchboard (organisational, not personal data). */
  phone: string | null;
  email: string | null;
  website: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  successorCodes: string[];
}

type Draft = Pick<CategoryAgency, 'agencyCode' | 'agencyName' | 'shortName' | 'agencyType' | 'unitCode'> &
  Partial<CategoryAgency>;

const OLD_TO = adminUnits.oldValidTo;
const NEW_FROM = adminUnits.newValidFrom;
/** The last day of departments merged in the restructuring of provincial agencies on 2025-03-01. */
const RESTRUCTURED_TO = '2025-02-28';

// [code suffix, name, short name, valid to (null = until the province merged), successors]
const HOA_BINH_DEPARTMENTS: ReadonlyArray<[string, string, string, string | null, string[]]> = [
  ['SYT', 'Sở Y tế', 'SYT', null, ['SYT-25']],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'STNMT', RESTRUCTURED_TO, ['SNNMT-17']],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'SNNPTNT', RESTRUCTURED_TO, ['SNNMT-17']],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'STTTT', RESTRUCTURED_TO, ['SKHCN-17']],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKHCN', null, ['SKHCN-25']],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 'SKHĐT', RESTRUCTURED_TO, ['STC-17']],
  ['STC', 'Sở Tài chính', 'STC', null, ['STC-25']],
  ['SGTVT', 'Sở Giao thông vận tải', 'SGTVT', RESTRUCTURED_TO, ['SXD-17']],
  ['SXD', 'Sở Xây dựng', 'SXD', null, ['SXD-25']],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'SLĐTBXH', RESTRUCTURED_TO, ['SNV-17']],
  ['SNV', 'Sở Nội vụ', 'SNV', null, ['SNV-25']],
  ['STP', 'Sở Tư pháp', 'STP', null, ['STP-25']],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT', null, ['SGDDT-25']],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL', null, ['SVHTTDL-25']],
  ['SCT', 'Sở Công Thương', 'SCT', null, ['SCT-25']],
];

const PHU_THO_DEPARTMENTS: ReadonlyArray<[string, string, string]> = [
  ['SYT', 'Sở Y tế', 'SYT'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['STC', 'Sở Tài chính', 'STC'],
  ['SXD', 'Sở Xây dựng', 'SXD'],
  ['SNV', 'Sở Nội vụ', 'SNV'],
  ['STP', 'Sở Tư pháp', 'STP'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['SCT', 'Sở Công Thương', 'SCT'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 'SDTTG'],
];

const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  [adminUnits.oldProvince.code]: 'tỉnh Hòa Bình',
  [adminUnits.newProvince.code]: 'tỉnh Phú Thọ',
};
/** Where the provincial agencies sit: the provincial centre (Phương Lâm ward; Việt Trì after the merger). */
const PROVINCIAL_SEAT: Readonly<Record<string, string>> = {
  [adminUnits.oldProvince.code]: 'Phường Phương Lâm, thành phố Hòa Bình, tỉnh Hòa Bình',
  [adminUnits.newProvince.code]: 'Phường Việt Trì, tỉnh Phú Thọ',
};

function lowerType(name: string): string {
  const type = unitTypeOf(name);
  return `${type.toLowerCase()}${name.slice(type.length)}`;
}

function switchboard(rng: Rng, areaCode: string): string {
  return `${areaCode}${rng.digits(7)}`;
}

// [code, name, short name, type, parent code, extra fields]; `{hb}`/`{pt}` stand for the province codes 17 and 25.
type Row = [string, string, string, CategoryAgency['agencyType'], string | null, Partial<CategoryAgency>?];

const HOA_BINH_OTHERS: readonly Row[] = [
  [
    'UBND-{hb}',
    'Ủy ban nhân dân tỉnh Hòa Bình',
    'UBND tỉnh',
    'PEOPLES_COMMITTEE',
    null,
    { successorCodes: ['UBND-{pt}'] },
  ],
  ['VPUBND-{hb}', 'Văn phòng Ủy ban nhân dân tỉnh Hòa Bình', 'VP UBND tỉnh', 'DEPARTMENT', 'UBND-{hb}'],
  [
    'TTPVHCC-{hb}',
    'Trung tâm Phục vụ hành chính công tỉnh Hòa Bình',
    'TTPVHCC',
    'PUBLIC_SERVICE_UNIT',
    'VPUBND-{hb}',
  ],
  [
    'SNNMT-{hb}',
    'Sở Nông nghiệp và Môi trường tỉnh Hòa Bình',
    'SNNMT',
    'DEPARTMENT',
    'UBND-{hb}',
    { effectiveDate: '2025-03-01', successorCodes: ['SNNMT-{pt}'] },
  ],
  [
    'TTQT-{hb}',
    'Trung tâm Quan trắc tài nguyên và môi trường tỉnh Hòa Bình',
    'TTQT TNMT',
    'PUBLIC_SERVICE_UNIT',
    'STNMT-{hb}',
    { expiryDate: null },
  ],
  ['CAT-{hb}', 'Công an tỉnh Hòa Bình', 'CA tỉnh', 'POLICE', null, { successorCodes: ['CAT-{pt}'] }],
  ['PC08-{hb}', 'Phòng Cảnh sát giao thông - Công an tỉnh Hòa Bình', 'PC08', 'POLICE', 'CAT-{hb}'],
  [
    'PC07-{hb}',
    'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ - Công an tỉnh Hòa Bình',
    'PC07',
    'POLICE',
    'CAT-{hb}',
  ],
  // Hospitals and the CDC outlived the merger under the provincial health department; names as of 2025-06-30.
  ['BVDK-{hb}', 'Bệnh viện Đa khoa tỉnh Hòa Bình', 'BVĐK tỉnh', 'HOSPITAL', 'SYT-{hb}', { expiryDate: null }],
  [
    'BVYHCT-{hb}',
    'Bệnh viện Y học cổ truyền tỉnh Hòa Bình',
    'BV YHCT',
    'HOSPITAL',
    'SYT-{hb}',
    { expiryDate: null },
  ],
  [
    'BVPHCN-{hb}',
    'Bệnh viện Phục hồi chức năng tỉnh Hòa Bình',
    'BV PHCN',
    'HOSPITAL',
    'SYT-{hb}',
    { expiryDate: null },
  ],
  [
    'CDC-{hb}',
    'Trung tâm Kiểm soát bệnh tật tỉnh Hòa Bình',
    'CDC',
    'PUBLIC_SERVICE_UNIT',
    'SYT-{hb}',
    { expiryDate: null },
  ],
];

const PHU_THO_OTHERS: readonly Row[] = [
  ['UBND-{pt}', 'Ủy ban nhân dân tỉnh Phú Thọ', 'UBND tỉnh', 'PEOPLES_COMMITTEE', null],
  ['CAT-{pt}', 'Công an tỉnh Phú Thọ', 'CA tỉnh', 'POLICE', null],
];

function fromRow([code, name, short, type, parent, extra]: Row, unitCode: string): Draft {
  const fill = (text: string): string =>
    text.replace('{hb}', adminUnits.oldProvince.code).replace('{pt}', adminUnits.newProvince.code);
  return {
    ...extra,
    agencyCode: fill(code),
    agencyName: name,
    shortName: short,
    agencyType: type,
    unitCode,
    parentAgencyCode: parent === null ? null : fill(parent),
    ...(extra?.successorCodes ? { successorCodes: extra.successorCodes.map(fill) } : {}),
  };
}

function provincial(): Draft[] {
  const hb = adminUnits.oldProvince.code;
  const pt = adminUnits.newProvince.code;
  const departments = HOA_BINH_DEPARTMENTS.map(([suffix, name, short, validTo, successors]) =>
    fromRow(
      [
        `${suffix}-{hb}`,
        `${name} tỉnh Hòa Bình`,
        short,
        'DEPARTMENT',
        'UBND-{hb}',
        { expiryDate: validTo ?? OLD_TO, successorCodes: successors },
      ],
      hb,
    ),
  );
  const phuThoDepartments = PHU_THO_DEPARTMENTS.map(([suffix, name, short]) =>
    fromRow([`${suffix}-{pt}`, `${name} tỉnh Phú Thọ`, short, 'DEPARTMENT', 'UBND-{pt}'], pt),
  );
  return [
    ...HOA_BINH_OTHERS.map((row) => fromRow(row, hb)),
    ...departments,
    ...PHU_THO_OTHERS.map((row) => fromRow(row, pt)),
    ...phuThoDepartments,
  ];
}

function local(unit: AdminUnitRecord): Draft[] {
  const place = lowerType(unit.name);
  const province = unit.provinceCode;
  const parentUnit = unit.level === 'COMMUNE' && unit.version === 'OLD' ? unit.parentCode : null;
  const district = adminUnits.oldDistricts.find((candidate) => candidate.code === parentUnit);
  const address = [unit.name, district ? lowerType(district.name) : null, PROVINCE_NAMES[province]]
    .filter((part) => part !== null)
    .join(', ');
  const committee: Draft = {
    agencyCode: `UBND-${province}-${unit.code}`,
    agencyName: `Ủy ban nhân dân ${place}`,
    shortName: `UBND ${place}`,
    agencyType: 'PEOPLES_COMMITTEE',
    unitCode: unit.code,
    address,
    parentAgencyCode: parentUnit ? `UBND-${province}-${parentUnit}` : `UBND-${province}`,
  };
  const police: Draft = {
    agencyCode: `CA-${province}-${unit.code}`,
    agencyName: `Công an ${place}`,
    shortName: `CA ${place}`,
    agencyType: 'POLICE',
    unitCode: unit.code,
    address,
    parentAgencyCode: parentUnit ? `CA-${province}-${parentUnit}` : `CAT-${province}`,
  };
  if (unit.level !== 'DISTRICT') return [committee, police];
  const healthCenter: Draft = {
    agencyCode: `TTYT-${province}-${unit.code}`,
    agencyName: `Trung tâm Y tế ${place}`,
    shortName: `TTYT ${place}`,
    agencyType: 'HEALTH_CENTER',
    unitCode: unit.code,
    address,
    parentAgencyCode: `SYT-${province}`,
    expiryDate: null,
  };
  return [committee, police, healthCenter];
}

/** Every agency of the category, with validity following the units they serve unless stated otherwise. */
export function buildCategoryAgencies(seed: number): CategoryAgency[] {
  const rng = createRng(seed).fork('agencies');
  const hb = adminUnits.oldProvince.code;
  const drafts = [
    ...provincial(),
    ...adminUnits.oldDistricts.flatMap((unit) => local(unit)),
    ...adminUnits.oldCommunes.flatMap((unit) => local(unit)),
    ...adminUnits.newCommunes.flatMap((unit) => local(unit)),
  ];
  return drafts.map((draft) => {
    const isNew = draft.agencyCode.split('-')[1] === adminUnits.newProvince.code;
    const domain = isNew ? 'phutho.gov.vn' : 'hoabinh.gov.vn';
    const provincialLevel = draft.unitCode.length === 2;
    const slug = draft.agencyCode.split('-')[0]!.toLowerCase();
    return {
      parentAgencyCode: null,
      address: PROVINCIAL_SEAT[isNew ? adminUnits.newProvince.code : hb]!,
      phone: switchboard(rng, isNew ? '0210' : '0218'),
      email: provincialLevel ? `${slug}@${domain}` : null,
      website: provincialLevel ? `https://${slug}.${domain}` : null,
      effectiveDate: isNew ? NEW_FROM : null,
      expiryDate: isNew ? null : OLD_TO,
      successorCodes: [],
      ...draft,
    };
  });
}
