/**
 * The subgraph's own view of the egov data, shaped like the GraphQL schema. `upstream/mapping.ts` turns the
 * upstream's Vietnamese payloads into these; resolvers never see upstream field names.
 */

/** A period of calendar days (ISO `YYYY-MM-DD`), both ends included. */
export interface Period {
  from: string;
  to: string;
}

export type DossierStatus = 'RECEIVED' | 'IN_PROGRESS' | 'RESOLVED_ON_TIME' | 'RESOLVED_LATE' | 'RETURNED';
export type SubmissionChannel = 'ONLINE' | 'IN_PERSON' | 'POSTAL';
export type OnlineServiceLevel = 'FULL' | 'PARTIAL' | 'NONE';
export type ProcedureLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type SatisfactionRating = 'SATISFIED' | 'NEUTRAL' | 'DISSATISFIED';

export interface Procedure {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  onlineLevel: OnlineServiceLevel;
}

export interface Dossier {
  id: string;
  procedure: Procedure;
  unitCode: string;
  agencyCode: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  status: DossierStatus;
  overdue: boolean;
  channel: SubmissionChannel;
  digitised: boolean;
  electronicResult: boolean;
  syncedToNationalPortal: boolean;
  feeVnd: number;
  paidOnline: boolean;
  rating: SatisfactionRating | null;
  applicantName: string | null;
  applicantPhone: string | null;
}

export interface DossierFilter {
  unitCodes?: readonly string[] | null;
  period?: Period | null;
  status?: DossierStatus | null;
  procedureCode?: string | null;
  agencyCode?: string | null;
  channel?: SubmissionChannel | null;
}

/** Counts for one unit's desk or for one handling agency (exactly one of the two codes is set). */
export interface DossierCounts {
  unitCode: string | null;
  agencyCode: string | null;
  period: Period;
  received: number;
  receivedOnline: number;
  receivedInPerson: number;
  receivedByPost: number;
  inProgress: number;
  inProgressOverdue: number;
  resolvedOnTime: number;
  resolvedLate: number;
  returned: number;
  digitised: number;
}

export interface ServiceIndexInputs {
  procedures: number;
  proceduresPublished: number;
  proceduresFullyOnline: number;
  proceduresPartlyOnline: number;
  dossiersReceived: number;
  dossiersSyncedToNationalPortal: number;
  dossiersReceivedOnline: number;
  dossiersResolved: number;
  dossiersResolvedOnTime: number;
  dossiersResolvedLate: number;
  dossiersDigitised: number;
  resultsIssuedElectronically: number;
  dossiersWithFee: number;
  dossiersPaidOnline: number;
  ratings: number;
  ratingsSatisfied: number;
  ratingsNeutral: number;
  ratingsDissatisfied: number;
}

export interface UnitServiceIndexInputs {
  unitCode: string;
  period: Period;
  inputs: ServiceIndexInputs;
}

export type CitizenReportCategory =
  | 'ROAD_DAMAGE'
  | 'STREET_LIGHTING'
  | 'WASTE_ENVIRONMENT'
  | 'FLOODING'
  | 'ILLEGAL_CONSTRUCTION'
  | 'TRAFFIC_ORDER'
  | 'PUBLIC_ORDER'
  | 'URBAN_TREES'
  | 'OTHER';
export type CitizenReportStatus = 'RECEIVED' | 'ASSIGNED' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED';
export type CitizenReportChannel = 'MOBILE_APP' | 'HOTLINE' | 'WEB_PORTAL' | 'ZALO';

export interface CitizenReport {
  id: string;
  category: CitizenReportCategory;
  title: string;
  description: string;
  location: { latitude: number; longitude: number };
  address: string | null;
  unitCode: string;
  photoCount: number;
  channel: CitizenReportChannel;
  status: CitizenReportStatus;
  handlingAgencyCode: string | null;
  receivedAt: string;
  dueAt: string;
  closedAt: string | null;
  overdue: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
}

export interface CitizenReportStatusChange {
  status: CitizenReportStatus;
  at: string;
  agencyCode: string;
  note: string | null;
}

export interface CitizenReportFilter {
  unitCodes?: readonly string[] | null;
  period?: Period | null;
  status?: CitizenReportStatus | null;
  category?: CitizenReportCategory | null;
  overdue?: boolean | null;
}

export interface CitizenReportCounts {
  unitCode: string;
  period: Period;
  total: number;
  open: number;
  resolved: number;
  resolvedOnTime: number;
  rejected: number;
  overdue: number;
  byCategory: { category: CitizenReportCategory; count: number }[];
}

/** One page of a list: the items from `offset`, and how many match in all. */
export interface Slice<T> {
  items: T[];
  offset: number;
  totalCount: number;
}
