/** A vaccine of the expanded programme on immunisation (Tiêm chủng mở rộng), as the registry codes it. */
export interface Vaccine {
  vaccineCode: string;
  vaccineName: string;
}

export const vaccines: readonly Vaccine[] = [
  { vaccineCode: 'BCG', vaccineName: 'Vắc xin phòng lao (BCG)' },
  { vaccineCode: 'VGB', vaccineName: 'Vắc xin viêm gan B' },
  { vaccineCode: 'DPT_VGB_HIB', vaccineName: 'Vắc xin 5 trong 1 (DPT-VGB-Hib)' },
  { vaccineCode: 'OPV', vaccineName: 'Vắc xin bại liệt uống (bOPV)' },
  { vaccineCode: 'IPV', vaccineName: 'Vắc xin bại liệt tiêm (IPV)' },
  { vaccineCode: 'SOI', vaccineName: 'Vắc xin sởi' },
  { vaccineCode: 'MR', vaccineName: 'Vắc xin sởi – rubella (MR)' },
  { vaccineCode: 'VNNB', vaccineName: 'Vắc xin viêm não Nhật Bản' },
  { vaccineCode: 'DPT', vaccineName: 'Vắc xin bạch hầu – ho gà – uốn ván (DPT)' },
  { vaccineCode: 'COVID19', vaccineName: 'Vắc xin phòng COVID-19' },
];

/** One coverage indicator of the programme's annual report: a vaccine dose given to a target group. */
export interface CoverageIndicator {
  indicator: string;
  vaccineCode: string;
  doseNumber: number;
  indicatorName: string;
  targetGroup: string;
  /** Share of the population in the target group (a birth cohort is about 1.5 %). */
  cohortShare: number;
  /** Typical coverage in the province. */
  typical: number;
}

export const coverageIndicators: readonly CoverageIndicator[] = [
  indicator('BCG', 1, 'Trẻ sơ sinh', 0.97, 'Tỷ lệ trẻ sơ sinh được tiêm vắc xin BCG'),
  indicator('VGB', 1, 'Trẻ sơ sinh', 0.86, 'Tỷ lệ trẻ sơ sinh được tiêm viêm gan B trong 24 giờ đầu'),
  indicator('DPT_VGB_HIB', 3, 'Trẻ dưới 1 tuổi', 0.93, 'Tỷ lệ trẻ dưới 1 tuổi tiêm đủ 3 mũi DPT-VGB-Hib'),
  indicator('OPV', 3, 'Trẻ dưới 1 tuổi', 0.93, 'Tỷ lệ trẻ dưới 1 tuổi uống đủ 3 liều bOPV'),
  indicator('IPV', 1, 'Trẻ dưới 1 tuổi', 0.89, 'Tỷ lệ trẻ dưới 1 tuổi tiêm IPV'),
  indicator('SOI', 1, 'Trẻ 9 tháng tuổi', 0.95, 'Tỷ lệ trẻ 9 tháng tuổi tiêm vắc xin sởi'),
  indicator('MR', 1, 'Trẻ 18 tháng tuổi', 0.91, 'Tỷ lệ trẻ 18 tháng tuổi tiêm vắc xin sởi – rubella'),
  indicator('DPT', 4, 'Trẻ 18 tháng tuổi', 0.86, 'Tỷ lệ trẻ 18 tháng tuổi tiêm nhắc DPT'),
  indicator('VNNB', 3, 'Trẻ 1–5 tuổi', 0.84, 'Tỷ lệ trẻ tiêm đủ 3 mũi viêm não Nhật Bản'),
];

function indicator(
  vaccineCode: string,
  doseNumber: number,
  targetGroup: string,
  typical: number,
  indicatorName: string,
): CoverageIndicator {
  return {
    indicator: `${vaccineCode}_${doseNumber}`,
    vaccineCode,
    doseNumber,
    indicatorName,
    targetGroup,
    cohortShare: 0.015,
    typical,
  };
}

/** A child's schedule under the programme: vaccine, dose, age in days when due. */
export const childSchedule: ReadonlyArray<{ vaccineCode: string; doseNumber: number; ageDays: number }> = [
  { vaccineCode: 'VGB', doseNumber: 1, ageDays: 0 },
  { vaccineCode: 'BCG', doseNumber: 1, ageDays: 7 },
  { vaccineCode: 'DPT_VGB_HIB', doseNumber: 1, ageDays: 61 },
  { vaccineCode: 'OPV', doseNumber: 1, ageDays: 61 },
  { vaccineCode: 'DPT_VGB_HIB', doseNumber: 2, ageDays: 91 },
  { vaccineCode: 'OPV', doseNumber: 2, ageDays: 91 },
  { vaccineCode: 'DPT_VGB_HIB', doseNumber: 3, ageDays: 122 },
  { vaccineCode: 'OPV', doseNumber: 3, ageDays: 122 },
  { vaccineCode: 'IPV', doseNumber: 1, ageDays: 152 },
  { vaccineCode: 'SOI', doseNumber: 1, ageDays: 274 },
  { vaccineCode: 'IPV', doseNumber: 2, ageDays: 274 },
  { vaccineCode: 'VNNB', doseNumber: 1, ageDays: 365 },
  { vaccineCode: 'VNNB', doseNumber: 2, ageDays: 379 },
  { vaccineCode: 'MR', doseNumber: 1, ageDays: 548 },
  { vaccineCode: 'DPT', doseNumber: 4, ageDays: 548 },
  { vaccineCode: 'VNNB', doseNumber: 3, ageDays: 730 },
];
