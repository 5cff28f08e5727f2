import { describe, expect, it } from 'vitest';
import { findCurrency, listCurrencies } from './currency.js';

describe('ISO 4217 currencies', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['XOF', 0],
    ['KWD', 3],
    ['TND', 3],
    ['CLF', 4],
  ])('%s has %i minor units', (code, units) => {
    expect(findCurrency(code)).toEqual({ code, minorUnits: units });
  });

  it.each(['eur', 'EURO', 'XXX', 'XAU', 'DEM', 'FRF', ''])('refuses %j', (code) => {
    expect(findCurrency(code)).toBeUndefined();
  });

  it('lists each code once, three capital letters', () => {
    const codes = listCurrencies().map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(codes.length).toBeGreaterThan(150);
  });
});
