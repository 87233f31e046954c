/**
 * Folds Vietnamese text for diacritics-insensitive search: lower case, combining marks removed, đ/Đ → d
 * (đ is a letter of its own, not a d with a mark, so NFD leaves it alone).
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
