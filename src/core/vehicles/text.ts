/** Label and registration-plate normalisation of the vehicles module. */

/** NFD, no combining marks, upper-case, every run of non-alphanumerics → one space, trimmed. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export function tokensOf(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** Upper-case, then only A–Z and 0–9 ("ab-123-cd" → "AB123CD"). */
export function normalizePlate(plate: string): string {
  return plate.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A normalised plate has 2 to 12 characters. */
export function isValidPlate(normalized: string): boolean {
  return normalized.length >= 2 && normalized.length <= 12;
}
