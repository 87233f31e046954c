/**
 * Masks of personal data, one per kind (docs/identity.md). A mask keeps enough to recognise a value one already
 * knows (last digits, initials, the commune) and no more; it never returns the input unchanged, and a kind it does
 * not know is masked entirely (fail closed).
 */

const STAR = '*';

function stars(count: number): string {
  return STAR.repeat(Math.max(count, 1));
}

/** Keeps `head` characters at the start and `tail` at the end; short values keep less. */
function keepEnds(value: string, head: number, tail: number): string {
  const characters = Array.from(value);
  if (characters.length <= head + tail) {
    const keep = Math.max(Math.floor(characters.length / 4), 0);
    return characters.slice(0, keep).join('') + stars(characters.length - keep);
  }
  return (
    characters.slice(0, head).join('') +
    stars(characters.length - head - tail) +
    characters.slice(-tail).join('')
  );
}

/** `017095001123` → `017******123` (birth province kept, the rest but the last three hidden). */
export function maskCccd(value: string): string {
  return keepEnds(value, 3, 3);
}

/** `0912345678` → `0912***678`. */
export function maskPhone(value: string): string {
  return keepEnds(value, 4, 3);
}

/** `28A-123.45` → `28A-***.45`: the registration series and the last two digits stay. */
export function maskPlate(value: string): string {
  const dash = value.indexOf('-');
  const series = dash > 0 ? value.slice(0, dash + 1) : '';
  const rest = Array.from(value.slice(series.length));
  let digitsLeft = rest.filter((c) => /\d/.test(c)).length;
  if (series === '' && digitsLeft === 0) return stars(rest.length);
  const masked = rest.map((c) => {
    if (!/[\p{L}\p{N}]/u.test(c)) return c;
    if (/\d/.test(c)) digitsLeft -= 1;
    return /\d/.test(c) && digitsLeft < 2 ? c : STAR;
  });
  return series + masked.join('');
}

/** `Nguyễn Văn An` → `N. V. A.` */
export function maskName(value: string): string {
  const initials = value
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${Array.from(word)[0]!.toLocaleUpperCase('vi')}.`);
  return initials.length > 0 ? initials.join(' ') : stars(1);
}

/** `Số 12 Trần Hưng Đạo, Phường Phương Lâm, Hòa Bình` → `***, Phường Phương Lâm, Hòa Bình` (house and street hidden). */
export function maskAddress(value: string): string {
  const parts = value.split(',');
  if (parts.length < 2) return stars(3);
  return [stars(3), ...parts.slice(1).map((part) => part.trim())].join(', ');
}

/** `1990-05-12` → `1990-**-**` (the year only). */
export function maskBirthDate(value: string): string {
  const match = /^(\d{4})-\d{2}-\d{2}/.exec(value);
  return match ? `${match[1]}-**-**` : stars(value.length);
}

/** Coordinates rounded to 0.01° (about 1 km): the commune, not the house. */
export function maskCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}

function maskString(kind: string, value: string): string {
  switch (kind) {
    case 'CCCD':
      return maskCccd(value);
    case 'PHONE':
      return maskPhone(value);
    case 'PLATE':
      return maskPlate(value);
    case 'NAME':
      return maskName(value);
    case 'ADDRESS':
      return maskAddress(value);
    case 'BIRTH_DATE':
    case 'DATE_OF_BIRTH':
      return maskBirthDate(value);
    case 'LOCATION': {
      // A "lat,lon" string is rounded like numbers; any other text is hidden.
      const parts = value.split(',').map((part) => Number(part.trim()));
      return parts.length === 2 && parts.every(Number.isFinite)
        ? parts.map(maskCoordinate).join(',')
        : stars(value.length);
    }
    default:
      return stars(Array.from(value).length);
  }
}

/**
 * Masks a value of a personal-data field. Strings get their kind's mask; coordinates are rounded; lists and objects
 * (a `GeoPoint`) are masked leaf by leaf; other scalars become null, since no mask of them keeps their type.
 */
export function maskValue(kind: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return maskString(kind, value);
  if (typeof value === 'number') return kind === 'LOCATION' ? maskCoordinate(value) : null;
  if (Array.isArray(value)) return value.map((item) => maskValue(kind, item));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === '__typename' ? item : maskValue(kind, item)]),
    );
  }
  return null;
}
