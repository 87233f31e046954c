import { z } from 'zod';
import { malformedCatalogPayload } from './errors.js';

// The only file that knows the category service's field names (unitCode, levelCode, agencyCode…).

export type Level = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type UnitKind = 'PROVINCE' | 'CITY' | 'TOWN' | 'DISTRICT' | 'WARD' | 'COMMUNE' | 'TOWNSHIP';
export type AgencyKind =
  'PEOPLES_COMMITTEE' | 'DEPARTMENT' | 'POLICE' | 'HOSPITAL' | 'HEALTH_CENTER' | 'PUBLIC_SERVICE_UNIT';

/** A link to another unit version; `asOf` is a date on which that version is valid (reaches the right one). */
export interface UnitLink {
  code: string;
  part: 'FULL' | 'PARTIAL';
  asOf: string | undefined;
}

export interface Unit {
  code: string;
  name: string;
  level: Level;
  kind: UnitKind;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  predecessors: UnitLink[];
  successors: UnitLink[];
}

export interface Agency {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  unitCode: string;
  parentCode: string | null;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCodes: string[];
}

export interface UpstreamPage<T> {
  items: T[];
  total: number;
}

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();
const lineageRef = z.object({
  unitCode: z.string(),
  relation: z.enum(['FULL', 'PARTIAL']),
  effectiveDate: date,
  expiryDate: date,
});
const rawUnit = z.object({
  unitCode: z.string().min(1),
  unitName: z.string().min(1),
  unitType: z.enum(['Tỉnh', 'Thành phố', 'Thị xã', 'Huyện', 'Phường', 'Xã', 'Thị trấn']),
  levelCode: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  effectiveDate: date,
  expiryDate: date,
  predecessors: z.array(lineageRef),
  successors: z.array(lineageRef),
});
const rawAgency = z.object({
  agencyCode: z.string().min(1),
  agencyName: z.string().min(1),
  shortName: z.string(),
  agencyType: z.enum([
    'PEOPLES_COMMITTEE',
    'DEPARTMENT',
    'POLICE',
    'HOSPITAL',
    'HEALTH_CENTER',
    'PUBLIC_SERVICE_UNIT',
  ]),
  unitCode: z.string(),
  parentAgencyCode: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  effectiveDate: date,
  expiryDate: date,
  successorCodes: z.array(z.string()),
});

const LEVELS: Readonly<Record<1 | 2 | 3, Level>> = { 1: 'PROVINCE', 2: 'DISTRICT', 3: 'COMMUNE' };
const KINDS: Readonly<Record<z.infer<typeof rawUnit>['unitType'], UnitKind>> = {
  Tỉnh: 'PROVINCE',
  'Thành phố': 'CITY',
  'Thị xã': 'TOWN',
  Huyện: 'DISTRICT',
  Phường: 'WARD',
  Xã: 'COMMUNE',
  'Thị trấn': 'TOWNSHIP',
};

/** The service's level codes, for list queries. */
export const upstreamLevelCode: Readonly<Record<Level, string>> = {
  PROVINCE: '1',
  DISTRICT: '2',
  COMMUNE: '3',
};

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw malformedCatalogPayload(`${what}: ${result.error.message}`);
  return result.data;
}

function toLink(ref: z.infer<typeof lineageRef>): UnitLink {
  return { code: ref.unitCode, part: ref.relation, asOf: ref.expiryDate ?? ref.effectiveDate ?? undefined };
}

function toUnit(raw: z.infer<typeof rawUnit>): Unit {
  return {
    code: raw.unitCode,
    name: raw.unitName,
    level: LEVELS[raw.levelCode],
    kind: KINDS[raw.unitType],
    parentCode: raw.parentCode,
    provinceCode: raw.provinceCode,
    validFrom: raw.effectiveDate,
    validTo: raw.expiryDate,
    predecessors: raw.predecessors.map(toLink),
    successors: raw.successors.map(toLink),
  };
}

function toAgency(raw: z.infer<typeof rawAgency>): Agency {
  return {
    code: raw.agencyCode,
    name: raw.agencyName,
    shortName: raw.shortName,
    kind: raw.agencyType,
    unitCode: raw.unitCode,
    parentCode: raw.parentAgencyCode,
    address: raw.address,
    phone: raw.phone,
    email: raw.email,
    website: raw.website,
    validFrom: raw.effectiveDate,
    validTo: raw.expiryDate,
    successorCodes: raw.successorCodes,
  };
}

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().min(0) });

export const readUnit = (body: unknown): Unit => toUnit(parse(rawUnit, body, 'unit'));
export const readUnitBatch = (body: unknown): Unit[] =>
  parse(z.object({ units: z.array(rawUnit) }), body, 'unit batch').units.map(toUnit);
export function readUnitPage(body: unknown): UpstreamPage<Unit> {
  const parsed = parse(page(rawUnit), body, 'unit page');
  return { items: parsed.items.map(toUnit), total: parsed.total };
}
export const readAgency = (body: unknown): Agency => toAgency(parse(rawAgency, body, 'agency'));
export const readAgencyBatch = (body: unknown): Agency[] =>
  parse(z.object({ agencies: z.array(rawAgency) }), body, 'agency batch').agencies.map(toAgency);
export function readAgencyPage(body: unknown): UpstreamPage<Agency> {
  const parsed = parse(page(rawAgency), body, 'agency page');
  return { items: parsed.items.map(toAgency), total: parsed.total };
}

/** Query parameters of the list endpoints, in the service's names. */
export function unitListQuery(filter: {
  level?: Level | undefined;
  parentCodes?: readonly string[] | undefined;
  asOf?: string | undefined;
}): Record<string, string | undefined> {
  return {
    levelCode: filter.level ? upstreamLevelCode[filter.level] : undefined,
    parentCode: filter.parentCodes?.join(','),
    asOf: filter.asOf,
  };
}

export function agencyListQuery(filter: {
  kind?: AgencyKind | undefined;
  unitCodes?: readonly string[] | undefined;
  asOf?: string | undefined;
}): Record<string, string | undefined> {
  return { agencyType: filter.kind, unitCode: filter.unitCodes?.join(','), asOf: filter.asOf };
}
