import { vietnameseNames } from './vietnameseNames.js';

export type Sex = 'male' | 'female';

export interface PersonName {
  fullName: string;
  familyName: string;
  givenName: string;
  sex: Sex;
}

export interface CccdOptions {
  /** 3-digit birth-registration province code. Default `'017'` (Hòa Bình, DOMAIN.md). */
  provinceCode?: string;
  /** Default: random. */
  sex?: Sex;
  /** Default: random between 1940 and 2010. */
  birthYear?: number;
}

/** A deterministic pseudo-random generator: the same seed always gives the same data. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max), rounded to `decimals` places (default 2). */
  float(min: number, max: number, decimals?: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A date (UTC, whole seconds) in [from, to]. */
  date(from: Date, to: Date): Date;
  /** A digit string of the given length (leading zeros kept). */
  digits(length: number): string;
  /** A synthetic Vietnamese name with diacritics. */
  personName(sex?: Sex): PersonName;
  /** A Vietnamese mobile number `09xxxxxxxx`. */
  phone(): string;
  /** A CCCD number: province code + century/sex digit + 2-digit birth year + 6 random digits. */
  cccd(options?: CccdOptions): string;
  /** An independent generator derived from this seed and a label, so adding data elsewhere never shifts it. */
  fork(label: string): Rng;
}

/** FNV-1a, to turn string seeds and fork labels into 32-bit states. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mulberry32: tiny, fast, good enough for synthetic data (not for anything secret). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CCCD century/sex digit: 1900s 0/1, 2000s 2/3, 2100s 4/5 (male/female). */
function centurySexDigit(birthYear: number, sex: Sex): number {
  const century = Math.floor(birthYear / 100) - 19;
  return century * 2 + (sex === 'female' ? 1 : 0);
}

/** Creates a seeded generator. String seeds are hashed; equal seeds give equal sequences. */
export function createRng(seed: number | string): Rng {
  const seedNumber = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  const next = mulberry32(seedNumber);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('rng.pick needs at least one item');
    return items[int(0, items.length - 1)]!;
  };
  const digits = (length: number): string => Array.from({ length }, () => String(int(0, 9))).join('');
  const rng: Rng = {
    next,
    int,
    pick,
    digits,
    float: (min, max, decimals = 2) => Number((min + next() * (max - min)).toFixed(decimals)),
    chance: (p) => next() < p,
    date: (from, to) => new Date(Math.floor(int(from.getTime(), to.getTime()) / 1000) * 1000),
    personName: (sex) => {
      const chosenSex = sex ?? (next() < 0.5 ? 'male' : 'female');
      const familyName = pick(vietnameseNames.family);
      const middle = pick(chosenSex === 'male' ? vietnameseNames.maleMiddle : vietnameseNames.femaleMiddle);
      const givenName = pick(chosenSex === 'male' ? vietnameseNames.maleGiven : vietnameseNames.femaleGiven);
      return { fullName: `${familyName} ${middle} ${givenName}`, familyName, givenName, sex: chosenSex };
    },
    phone: () => `09${digits(8)}`,
    cccd: (options = {}) => {
      const birthYear = options.birthYear ?? int(1940, 2010);
      const sex = options.sex ?? (next() < 0.5 ? 'male' : 'female');
      const provinceCode = options.provinceCode ?? '017';
      if (!/^\d{3}$/.test(provinceCode)) throw new Error('cccd provinceCode must be 3 digits');
      const year = String(birthYear % 100).padStart(2, '0');
      return `${provinceCode}${centurySexDigit(birthYear, sex)}${year}${digits(6)}`;
    },
    fork: (label) => createRng((seedNumber ^ hashString(label)) >>> 0),
  };
  return rng;
}

/** `dd/MM/yyyy` (UTC), the date format of systems with Vietnamese field names. */
export function formatDateVn(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getUTCFullYear()}`;
}
