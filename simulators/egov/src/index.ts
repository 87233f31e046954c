export { createEgovSimulator, type EgovSimulator, type EgovSimulatorOptions } from './createEgovSimulator.js';
export { createEgovData, defaultNow, type EgovData } from './data/egovData.js';
export type { DossierRecord, DossierStatusCode } from './data/dossiers.js';
export type { ReportRecord, ReportStatusCode } from './data/citizenReports.js';
