import { foldName } from './normalize.js';

export interface Civility {
  code: string;
  label: string;
  gender: 'male' | 'female' | null;
}

export const CIVILITIES: readonly Civility[] = [
  { code: 'M', label: 'MONSIEUR', gender: 'male' },
  { code: 'MME', label: 'MADAME', gender: 'female' },
  { code: 'MLLE', label: 'MADEMOISELLE', gender: 'female' },
  { code: 'DR', label: 'DOCTEUR', gender: null },
  { code: 'ME', label: 'MAITRE', gender: null },
  { code: 'PR', label: 'PROFESSEUR', gender: null },
];

const SYNONYMS: Record<string, string> = {
  MR: 'M',
  MONSIEUR: 'M',
  MRS: 'MME',
  MS: 'MME',
  MADAME: 'MME',
  MISS: 'MLLE',
  MADEMOISELLE: 'MLLE',
  DOCTEUR: 'DR',
  DOCTOR: 'DR',
  MAITRE: 'ME',
  PROFESSEUR: 'PR',
  PROFESSOR: 'PR',
};

/** Accepts a code ("MME"), a label ("MADAME") or a common synonym ("Mrs.") and returns the code. */
export function resolveCivility(input: string): string | undefined {
  const folded = foldName(input).replace(/ /g, '');
  if (CIVILITIES.some((c) => c.code === folded)) return folded;
  return SYNONYMS[folded];
}
