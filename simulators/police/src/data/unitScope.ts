import { adminUnits } from '@lgsp/simulator-kit';
import type { CommunePlace } from './geography.js';
import { REFORM_DATE } from './time.js';

/** Every unit code the police system knows: provinces 17 and 25, the old districts, old and new communes. */
export const knownUnitCodes: ReadonlySet<string> = new Set(adminUnits.all.map((unit) => unit.code));

/** The units a record filed on `date` in `place` counts towards, narrowest first. */
export interface UnitScope {
  communeCode: string;
  /** Empty after the reform: the district level was abolished. */
  districtCode: string;
  provinceCode: string;
}

/** Before the reform a record is filed on its old commune, district and province 17; after it on the new commune. */
export function unitScopeOn(place: CommunePlace, date: string): UnitScope {
  return date < REFORM_DATE
    ? { communeCode: place.oldCode, districtCode: place.districtCode, provinceCode: '17' }
    : { communeCode: place.newCode, districtCode: '', provinceCode: '25' };
}

/** Whether a record filed under `scope` belongs to the unit `code` (commune, district or province). */
export function inUnit(scope: UnitScope, code: string): boolean {
  return scope.communeCode === code || scope.districtCode === code || scope.provinceCode === code;
}
