export {
  createHealthSimulator,
  type HealthSimulator,
  type HealthSimulatorOptions,
} from './createHealthSimulator.js';
export {
  createHealthDataset,
  DEFAULT_AS_OF,
  type HealthDataset,
  type HealthDatasetOptions,
} from './data/createHealthDataset.js';
export type { Facility, FacilityCategory } from './data/facilities.js';
export type { CaseRow } from './data/caseStats.js';
export type { CoverageRow } from './data/coverage.js';
export type { CitizenRecord, DoseRecord } from './data/citizens.js';
export type { BedReport, BedSummary } from './data/bedReports.js';
export { diseases } from './data/diseases.js';
export { vaccines, coverageIndicators } from './data/vaccines.js';
export { isoWeekOf, mondayOfIsoWeek } from './data/isoWeek.js';
