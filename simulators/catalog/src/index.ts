export { createCatalogSimulator, type CatalogSimulatorOptions } from './createCatalogSimulator.js';
export type { CategoryUnit, LineageRef } from './data/units.js';
export type { CategoryAgency } from './data/agencies.js';
export { foldText } from './data/foldText.js';
