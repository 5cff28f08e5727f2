/** The problems an import reports, item by item, with their French and English texts (spec/mmp.md §7.6). */
export type ImportIssue =
  | { code: 'FILE_REQUIRED' }
  | { code: 'NOT_A_ZIP' }
  | { code: 'ARCHIVE_UNSUPPORTED' }
  | { code: 'ENTRY_MISSING'; file: string }
  | { code: 'ENTRY_DUPLICATED'; file: string }
  | { code: 'UNSAFE_ENTRY_NAME'; name: string }
  | { code: 'EMPTY_FILE' }
  | { code: 'COLUMN_MISSING' }
  | { code: 'COLUMN_UNKNOWN' }
  | { code: 'COLUMN_DUPLICATED' }
  | { code: 'WRONG_SEPARATOR' }
  | { code: 'BAD_ENCODING' }
  | { code: 'FIELD_COUNT'; expected: number; found: number }
  | { code: 'UNTERMINATED_QUOTE' }
  | { code: 'VALUE_REQUIRED' }
  | { code: 'SIRET' }
  | { code: 'DATE_INVALID'; value: string }
  | { code: 'DATE_FUTURE' }
  | { code: 'INTEGER' }
  | { code: 'DECIMAL' }
  | { code: 'BOOLEAN' }
  | { code: 'TOO_LONG'; max: number }
  | { code: 'NAME_REQUIRED' }
  | { code: 'PLATE_INVALID' }
  | { code: 'PLATE_REQUIRED' }
  | { code: 'DUPLICATE_CLIENT_ROW'; line: number }
  | { code: 'INVOICE_DIFFERS'; line: number; column: string };

export type Lang = 'fr' | 'en';

export function issueText(issue: ImportIssue, lang: Lang): string {
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'FILE_REQUIRED':
      return fr ? 'Le champ importFile est obligatoire.' : 'The import file field is required.';
    case 'NOT_A_ZIP':
      return fr ? 'Le fichier doit être une archive ZIP.' : 'The import file must be a ZIP archive.';
    case 'ARCHIVE_UNSUPPORTED':
      return fr
        ? "L'archive utilise une fonction non prise en charge ou dépasse la taille autorisée."
        : 'The archive uses an unsupported feature or expands beyond the allowed size.';
    case 'ENTRY_MISSING':
      return fr ? `L'archive doit contenir ${issue.file}.` : `The archive must contain ${issue.file}.`;
    case 'ENTRY_DUPLICATED':
      return fr
        ? `L'archive contient plusieurs ${issue.file}.`
        : `The archive contains more than one ${issue.file}.`;
    case 'UNSAFE_ENTRY_NAME':
      return fr
        ? `Chemin interdit dans l'archive : « ${issue.name} ».`
        : `Unsafe path in the archive: '${issue.name}'.`;
    case 'EMPTY_FILE':
      return fr ? "Fichier vide : ligne d'en-tête absente." : 'Empty file: no header row.';
    case 'COLUMN_MISSING':
      return fr ? 'Colonne obligatoire absente.' : 'Missing required column.';
    case 'COLUMN_UNKNOWN':
      return fr ? 'Colonne inconnue.' : 'Unknown column.';
    case 'COLUMN_DUPLICATED':
      return fr ? 'Colonne en double.' : 'Duplicate column.';
    case 'WRONG_SEPARATOR':
      return fr ? "L'en-tête doit utiliser « ; » comme séparateur." : "The header must use ';' as separator.";
    case 'BAD_ENCODING':
      return fr
        ? 'Encodage invalide : le fichier doit être en UTF-8.'
        : 'Invalid encoding: the file must be UTF-8.';
    case 'FIELD_COUNT':
      return fr
        ? `${issue.expected} champs attendus, ${issue.found} trouvés.`
        : `Expected ${issue.expected} fields, found ${issue.found}.`;
    case 'UNTERMINATED_QUOTE':
      return fr ? 'Guillemet non fermé.' : 'Unterminated quoted field.';
    case 'VALUE_REQUIRED':
      return fr ? 'Valeur obligatoire.' : 'A value is required.';
    case 'SIRET':
      return fr ? '14 chiffres attendus.' : 'Must be 14 digits.';
    case 'DATE_INVALID':
      return fr
        ? `Date invalide « ${issue.value} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA).`
        : `Invalid date '${issue.value}' (expected YYYY-MM-DD or DD/MM/YYYY).`;
    case 'DATE_FUTURE':
      return fr ? 'Date dans le futur.' : 'Date is in the future.';
    case 'INTEGER':
      return fr
        ? 'Nombre entier positif attendu (0 à 2 000 000).'
        : 'Must be a whole number from 0 to 2,000,000.';
    case 'DECIMAL':
      return fr ? 'Nombre décimal attendu.' : 'Must be a decimal number.';
    case 'BOOLEAN':
      return fr
        ? 'Valeur booléenne attendue (1/0, oui/non).'
        : 'Must be 1 or 0 (or true/false, oui/non, O/N).';
    case 'TOO_LONG':
      return fr ? `${issue.max} caractères au plus.` : `Must not exceed ${issue.max} characters.`;
    case 'NAME_REQUIRED':
      return fr
        ? 'clientLastName ou clientCompanyName est obligatoire.'
        : 'clientLastName or clientCompanyName is required.';
    case 'PLATE_INVALID':
      return fr
        ? 'Immatriculation invalide (2 à 12 lettres ou chiffres).'
        : 'Invalid registration plate (2 to 12 letters or digits).';
    case 'PLATE_REQUIRED':
      return fr
        ? 'Immatriculation obligatoire quand une colonne véhicule est remplie.'
        : 'Registration plate required when a vehicle column is filled.';
    case 'DUPLICATE_CLIENT_ROW':
      return fr
        ? `Doublon de la ligne ${issue.line} (même atelier, client et immatriculation).`
        : `Duplicate of line ${issue.line} (same workshop, client and plate).`;
    case 'INVOICE_DIFFERS':
      return fr
        ? `Diffère de la ligne ${issue.line} pour la même facture (${issue.column}).`
        : `Differs from line ${issue.line} for the same invoice (${issue.column}).`;
  }
}

/** Where an issue is: the archive, a row or header (file:line) or a value (file:line:column). */
export interface LocatedIssue {
  file?: string;
  line?: number;
  column?: string;
  issue: ImportIssue;
}

export function issueKey(i: LocatedIssue): string {
  if (!i.file) return 'importFile';
  return [i.file, i.line, i.column].filter((p) => p !== undefined).join(':');
}

/** clients.csv before factures.csv, then by line, then archive-level first. */
export function sortIssues(issues: readonly LocatedIssue[]): LocatedIssue[] {
  const fileRank = (f?: string) => (f === undefined ? 0 : f === 'clients.csv' ? 1 : 2);
  return [...issues].sort((a, b) => fileRank(a.file) - fileRank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
