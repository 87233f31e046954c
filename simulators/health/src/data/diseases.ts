import { daysBetween } from './isoWeek.js';

/** A notifiable disease (Circular 54/2015/TT-BYT lists them) as the surveillance system codes it (ICD-10). */
export interface Disease {
  diseaseCode: string;
  diseaseName: string;
  /** Group A (especially dangerous) or B under the Law on Prevention of Infectious Diseases. */
  group: 'A' | 'B';
  /** Case fatality and hospitalisation ratios used to derive deaths and admissions from cases. */
  fatality: number;
  hospitalisation: number;
  /** Expected province-wide cases in the week starting `monday`, before outbreaks. */
  weekly(monday: Date): number;
}

/** A localised outbreak: extra cases around a peak week in a few communes. */
export interface Outbreak {
  diseaseCode: string;
  communeCodes: readonly string[];
  peak: string;
  /** Spread of the curve, in weeks. */
  widthWeeks: number;
  /** Extra expected cases in the peak week, over all its communes. */
  peakCases: number;
}

function dayOfYear(date: Date): number {
  return daysBetween(new Date(Date.UTC(date.getUTCFullYear(), 0, 1)), date) + 1;
}

/** A yearly bump centred on a day of the year (wrapping around New Year). */
function seasonal(date: Date, peakDay: number, widthDays: number): number {
  const raw = Math.abs(dayOfYear(date) - peakDay);
  const distance = Math.min(raw, 365 - raw);
  return Math.exp(-(distance * distance) / (2 * widthDays * widthDays));
}

/** A one-off bump centred on a date. */
function wave(date: Date, peak: string, widthDays: number): number {
  const distance = daysBetween(new Date(`${peak}T00:00:00Z`), date);
  return Math.exp(-(distance * distance) / (2 * widthDays * widthDays));
}

export const diseases: readonly Disease[] = [
  {
    diseaseCode: 'A97',
    diseaseName: 'Sốt xuất huyết Dengue',
    group: 'B',
    fatality: 0.0008,
    hospitalisation: 0.55,
    weekly: (d) => 1.5 + 38 * seasonal(d, 285, 32),
  },
  {
    diseaseCode: 'B08.4',
    diseaseName: 'Tay chân miệng',
    group: 'B',
    fatality: 0.0003,
    hospitalisation: 0.3,
    weekly: (d) => 3 + 18 * seasonal(d, 105, 25) + 26 * seasonal(d, 290, 28),
  },
  {
    diseaseCode: 'B05',
    diseaseName: 'Sởi',
    group: 'B',
    fatality: 0.002,
    hospitalisation: 0.4,
    weekly: (d) => 0.15 + 22 * wave(d, '2025-03-03', 35),
  },
  {
    diseaseCode: 'J10',
    diseaseName: 'Cúm A',
    group: 'B',
    fatality: 0.0005,
    hospitalisation: 0.08,
    weekly: (d) => 10 + 70 * seasonal(d, 35, 28) + 20 * seasonal(d, 190, 20),
  },
  {
    diseaseCode: 'U07.1',
    diseaseName: 'COVID-19',
    group: 'A',
    fatality: 0.001,
    hospitalisation: 0.1,
    weekly: (d) => 2 + 12 * wave(d, '2024-08-19', 21) + 30 * wave(d, '2025-05-26', 20),
  },
  {
    diseaseCode: 'A36',
    diseaseName: 'Bạch hầu',
    group: 'B',
    fatality: 0.06,
    hospitalisation: 1,
    weekly: () => 0.01,
  },
  {
    diseaseCode: 'A37',
    diseaseName: 'Ho gà',
    group: 'B',
    fatality: 0.004,
    hospitalisation: 0.5,
    weekly: (d) => 0.4 + 4 * wave(d, '2024-07-22', 40),
  },
  {
    diseaseCode: 'A83.0',
    diseaseName: 'Viêm não Nhật Bản',
    group: 'B',
    fatality: 0.15,
    hospitalisation: 1,
    weekly: (d) => 0.05 + 0.8 * seasonal(d, 180, 25),
  },
  {
    diseaseCode: 'A82',
    diseaseName: 'Bệnh dại',
    group: 'B',
    fatality: 1,
    hospitalisation: 1,
    weekly: () => 0.06,
  },
];

/** The outbreaks seeded into the last 18 months (communes are old codes; after 2025-07-01 their successors). */
export const outbreaks: readonly Outbreak[] = [
  {
    diseaseCode: 'A36',
    communeCodes: ['04840', '04846', '04852'],
    peak: '2024-W35',
    widthWeeks: 2,
    peakCases: 3,
  },
  {
    diseaseCode: 'B05',
    communeCodes: ['05209', '05212', '05224', '05257'],
    peak: '2025-W08',
    widthWeeks: 3,
    peakCases: 14,
  },
  {
    diseaseCode: 'A97',
    communeCodes: ['04789', '04792', '04795', '04798', '04801', '04804', '04924'],
    peak: '2025-W41',
    widthWeeks: 3,
    peakCases: 75,
  },
];
