/** Upper-case, accents removed, punctuation folded to single spaces: "Clermont-Ferrand" → "CLERMONT FERRAND". */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\bSAINTE\b/g, 'STE')
    .replace(/\bSAINT\b/g, 'ST')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}
