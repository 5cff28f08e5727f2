import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { foldName } from './normalize.js';

countries.registerLocale(en);
countries.registerLocale(fr);

export interface Country {
  code: string;
  name: string;
  nameFr: string;
}

const byFoldedName = new Map<string, string>();
for (const locale of ['en', 'fr']) {
  for (const [code, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
    for (const name of names as string[]) byFoldedName.set(foldName(name), code);
  }
}

/** Everyday names that the ISO lists spell out in full. */
const ALIASES: Record<string, string> = {
  'ETATS UNIS': 'US',
  'ROYAUME UNI': 'GB',
  ANGLETERRE: 'GB',
  'GRANDE BRETAGNE': 'GB',
  HOLLANDE: 'NL',
  'COREE DU SUD': 'KR',
  RUSSIE: 'RU',
};
for (const [name, code] of Object.entries(ALIASES)) byFoldedName.set(name, code);

const all: Country[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({
    code,
    name: countries.getName(code, 'en') ?? code,
    nameFr: countries.getName(code, 'fr') ?? code,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

export function listCountries(): Country[] {
  return all;
}

/** Resolves "FR", "fra", "FRANCE", "France", "République française"... to an ISO 3166-1 alpha-2 code. */
export function resolveCountry(input: string): string | undefined {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && countries.isValid(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const alpha2 = countries.alpha3ToAlpha2(trimmed.toUpperCase());
    if (alpha2) return alpha2;
  }
  return byFoldedName.get(foldName(trimmed));
}

export function countryOf(code: string): Country | undefined {
  return all.find((c) => c.code === code);
}
