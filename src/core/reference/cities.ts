import entries from 'codes-postaux/codes-postaux.json' with { type: 'json' };
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { foldName } from './normalize.js';

export interface City {
  zipCode: string;
  name: string;
  /** The postal routing label, as printed on mail ("CLERMONT FERRAND"). */
  label: string;
}

/** Countries whose cities we hold: France and the territories that share its postal system. */
const POSTAL_PREFIX: Record<string, (zip: string) => boolean> = {
  FR: () => true,
  MC: (zip) => zip.startsWith('980'),
  GP: (zip) => zip.startsWith('971'),
  MQ: (zip) => zip.startsWith('972'),
  GF: (zip) => zip.startsWith('973'),
  RE: (zip) => zip.startsWith('974'),
  PM: (zip) => zip.startsWith('975'),
  YT: (zip) => zip.startsWith('976'),
};

let byZip: Map<string, City[]> | undefined;
let sorted: City[] | undefined;

function index(): Map<string, City[]> {
  if (!byZip) {
    byZip = new Map();
    const seen = new Set<string>();
    for (const e of entries as { codePostal: string; nomCommune: string; libelleAcheminement: string }[]) {
      const key = `${e.codePostal}|${e.nomCommune}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const city = { zipCode: e.codePostal, name: e.nomCommune, label: e.libelleAcheminement };
      const list = byZip.get(e.codePostal);
      if (list) list.push(city);
      else byZip.set(e.codePostal, [city]);
    }
    sorted = [...byZip.values()]
      .flat()
      .sort((a, b) => a.zipCode.localeCompare(b.zipCode) || a.name.localeCompare(b.name));
  }
  return byZip;
}

export function hasCityData(country: string): boolean {
  return country in POSTAL_PREFIX;
}

export function listCities(country: string, filter: { zipCode?: string; q?: string } = {}): City[] {
  const inCountry = POSTAL_PREFIX[country];
  if (!inCountry) return [];
  index();
  const q = filter.q ? foldName(filter.q) : undefined;
  return (sorted ?? []).filter(
    (c) =>
      inCountry(c.zipCode) &&
      (filter.zipCode === undefined || c.zipCode === filter.zipCode) &&
      (q === undefined || foldName(c.name).startsWith(q) || c.label.startsWith(q)),
  );
}

export type AddressCheck = 'ok' | 'zip_invalid' | 'city_mismatch';

/** Checks that a zip code fits its country and, where we hold the data, that the city is at that zip code. */
export function checkZipAndCity(country: string, zipCode: string | null, city: string | null): AddressCheck {
  if (!zipCode) return 'ok';
  if (postcodeValidatorExistsForCountry(country) && !postcodeValidator(zipCode, country))
    return 'zip_invalid';
  const inCountry = POSTAL_PREFIX[country];
  if (!inCountry) return 'ok';
  const cities = index().get(zipCode);
  if (!cities || !inCountry(zipCode)) return 'zip_invalid';
  if (!city) return 'ok';
  const folded = foldName(city);
  return cities.some((c) => foldName(c.name) === folded || foldName(c.label) === folded)
    ? 'ok'
    : 'city_mismatch';
}
