import { describe, expect, it } from 'vitest';
import { checkZipAndCity, listCities } from './cities.js';
import { resolveCivility } from './civilities.js';
import { resolveCountry } from './countries.js';
import { foldName } from './normalize.js';

describe('reference data', () => {
  it.each([
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['FRA', 'FR'],
    ['FRANCE', 'FR'],
    ['France', 'FR'],
    ['Allemagne', 'DE'],
    ['Germany', 'DE'],
    ['ÉTATS-UNIS', 'US'],
    ['Atlantis', undefined],
    ['XX', undefined],
  ])('resolves country %s → %s', (input, code) => {
    expect(resolveCountry(input)).toBe(code);
  });

  it.each([
    ['MME', 'MME'],
    ['Madame', 'MME'],
    ['MONSIEUR', 'M'],
    ['Mr.', 'M'],
    ['Mlle', 'MLLE'],
    ['King', undefined],
  ])('resolves civility %s → %s', (input, code) => {
    expect(resolveCivility(input)).toBe(code);
  });

  it('folds names for comparison', () => {
    expect(foldName('Clermont-Ferrand')).toBe('CLERMONT FERRAND');
    expect(foldName('Saint-Étienne')).toBe('ST ETIENNE');
    expect(foldName('  l’Isle-d’Abeau ')).toBe('L ISLE D ABEAU');
  });

  it('checks zip code and city together', () => {
    expect(checkZipAndCity('FR', '63000', 'CLERMONT FERRAND')).toBe('ok');
    expect(checkZipAndCity('FR', '63000', 'Paris')).toBe('city_mismatch');
    expect(checkZipAndCity('FR', '00000', null)).toBe('zip_invalid');
    expect(checkZipAndCity('FR', null, 'Paris')).toBe('ok');
    expect(checkZipAndCity('US', '90210', 'Beverly Hills')).toBe('ok');
    expect(checkZipAndCity('US', '9021', 'Beverly Hills')).toBe('zip_invalid');
  });

  it('lists the cities of a zip code', () => {
    expect(listCities('FR', { zipCode: '33700' })).toEqual([
      { zipCode: '33700', name: 'Mérignac', label: 'MERIGNAC' },
    ]);
    expect(listCities('DE')).toEqual([]);
  });
});
