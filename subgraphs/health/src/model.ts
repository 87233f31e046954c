/** The subgraph's own view of the health data, independent of the upstream's field names (see upstream/mapping.ts). */

export type HealthFacilityType =
  | 'PROVINCIAL_GENERAL_HOSPITAL'
  | 'SPECIALISED_HOSPITAL'
  | 'DISTRICT_MEDICAL_CENTRE'
  | 'REGIONAL_POLYCLINIC'
  | 'COMMUNE_HEALTH_STATION';

export type Disease =
  | 'DENGUE'
  | 'HAND_FOOT_MOUTH'
  | 'MEASLES'
  | 'INFLUENZA_A'
  | 'COVID_19'
  | 'DIPHTHERIA'
  | 'PERTUSSIS'
  | 'JAPANESE_ENCEPHALITIS'
  | 'RABIES';

export type Vaccine =
  | 'BCG'
  | 'HEPATITIS_B'
  | 'DPT_HEPB_HIB'
  | 'OPV'
  | 'IPV'
  | 'MEASLES'
  | 'MEASLES_RUBELLA'
  | 'JAPANESE_ENCEPHALITIS'
  | 'DPT'
  | 'COVID_19';

export interface HealthFacility {
  id: string;
  name: string;
  type: HealthFacilityType;
  unitCode: string;
  currentUnitCode: string;
  districtCode: string;
  /** Every unit code the facility counts under (commune, district, province, old and new). */
  unitCodes: readonly string[];
  address: string;
  latitude: number;
  longitude: number;
  beds: number;
  plannedBeds: number;
  hotline: string | null;
}

export interface BedOccupancy {
  facilityId: string;
  date: string;
  beds: number;
  inpatients: number;
  occupiedBeds: number;
  admissions: number;
  discharges: number;
  occupancyRate: number;
}

export interface BedOccupancySummary {
  unitCode: string;
  date: string;
  facilities: number;
  beds: number;
  inpatients: number;
  occupiedBeds: number;
  occupancyRate: number;
}

export interface NotifiableDisease {
  disease: Disease;
  icd10: string;
  name: string;
  group: string;
}

export interface DiseaseCaseStats {
  unitCode: string;
  disease: Disease;
  isoWeek: string;
  weekStart: string;
  weekEnd: string;
  cases: number;
  hospitalised: number;
  deaths: number;
}

export interface VaccinationCoverage {
  unitCode: string;
  year: number;
  vaccine: Vaccine;
  dose: number;
  indicator: string;
  targetGroup: string;
  targetPopulation: number;
  vaccinated: number;
  coveragePercent: number;
  final: boolean;
}

export interface VaccinationDose {
  vaccine: Vaccine;
  dose: number;
  date: string;
  facilityId: string;
  lotNumber: string | null;
}

export interface VaccinationRecord {
  cccd: string;
  fullName: string;
  birthDate: string;
  doses: VaccinationDose[];
}

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
}
