import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER, eraseCustomer, searchTextOf } from './customer.js';
import { applyCustomerInput, checkBirthDate, normalizePhone } from './validate-customer.js';

const today = { year: 2026, month: 11, day: 22 };

describe('checkBirthDate', () => {
  it.each([
    [null, null, null, true],
    [1, 11, 1974, true],
    [29, 2, null, true],
    [29, 2, 2024, true],
    [29, 2, 2023, false],
    [31, 4, null, false],
    [0, 1, null, false],
    [1, 13, null, false],
    [null, null, 1899, false],
    [null, null, 2027, false],
    [23, 11, 2026, false],
    [22, 11, 2026, true],
    [null, 12, 2026, false],
    [31, null, null, true],
    [32, null, null, false],
  ])('day %s month %s year %s → %s', (d, m, y, expected) => {
    expect(checkBirthDate(d, m, y, today)).toBe(expected);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+1 (450) 760-1234', '+14507601234'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value: e164 });
  });
  it.each([
    ['0612345678', 'PHONE_COUNTRY_CODE_REQUIRED'],
    ['612345678', 'PHONE_COUNTRY_CODE_REQUIRED'],
    ['+33 12', 'PHONE_INVALID'],
    ['+999 1234567', 'PHONE_INVALID'],
  ])('%s → %s', (raw, code) => {
    expect(normalizePhone(raw)).toMatchObject({ ok: false, code });
  });
});

describe('applyCustomerInput', () => {
  it('fills a new customer, normalising what it can', () => {
    const result = applyCustomerInput(
      EMPTY_CUSTOMER,
      {
        civility: 'Madame',
        lastName: '  Soupe ',
        email: 'C.Soupe@Example.COM',
        address: { zipCode: '63000', city: 'clermont-ferrand', country: 'france' },
      },
      today,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        civility: 'MME',
        lastName: 'Soupe',
        email: 'c.soupe@example.com',
        address: { zipCode: '63000', city: 'clermont-ferrand', country: 'FR' },
      },
    });
  });

  it('does not mutate its inputs', () => {
    const base = structuredClone(EMPTY_CUSTOMER);
    const input = { lastName: 'X', consents: { sms: true } };
    applyCustomerInput(base, input, today);
    expect(base).toEqual(EMPTY_CUSTOMER);
    expect(input).toEqual({ lastName: 'X', consents: { sms: true } });
  });

  it('merges attributes and drops the ones set to null', () => {
    const first = applyCustomerInput(EMPTY_CUSTOMER, { lastName: 'A', attributes: { a: 1, b: 'x' } }, today);
    if (!first.ok) throw new Error('unexpected');
    const second = applyCustomerInput(first.value, { attributes: { a: null, c: true } }, today);
    expect(second).toMatchObject({ ok: true, value: { attributes: { b: 'x', c: true } } });
  });

  it('accepts a city under its postal label or its name, with or without accents', () => {
    for (const city of ['Mérignac', 'MERIGNAC', 'merignac']) {
      const r = applyCustomerInput(
        EMPTY_CUSTOMER,
        { lastName: 'A', address: { zipCode: '33700', city, country: 'FR' } },
        today,
      );
      expect(r.ok, city).toBe(true);
    }
  });

  it('checks zip code formats of countries without city data', () => {
    const ok = applyCustomerInput(
      EMPTY_CUSTOMER,
      { lastName: 'A', address: { zipCode: '10115', city: 'Berlin', country: 'DE' } },
      today,
    );
    expect(ok.ok).toBe(true);
    const bad = applyCustomerInput(
      EMPTY_CUSTOMER,
      { lastName: 'A', address: { zipCode: 'ABC', city: 'Berlin', country: 'DE' } },
      today,
    );
    expect(bad).toMatchObject({ ok: false, code: 'ADDRESS_INCONSISTENT' });
  });
});

describe('erasure and search text', () => {
  it('erases personal data but keeps the flags the ledger needs', () => {
    const erased = eraseCustomer({
      ...EMPTY_CUSTOMER,
      lastName: 'X',
      email: 'x@y.fr',
      noFidelity: true,
      godfatherId: 'cus_1',
    });
    expect(erased).toMatchObject({
      lastName: null,
      email: null,
      noFidelity: true,
      active: false,
      godfatherId: 'cus_1',
    });
    expect(erased.blacklist).toEqual({ email: true, sms: true, push: true });
  });

  it('indexes phones in international and national forms', () => {
    const text = searchTextOf({ ...EMPTY_CUSTOMER, lastName: 'Durand', mobile: '+33612345678' });
    expect(text).toContain('+33612345678');
    expect(text).toContain('0612345678');
    expect(text).toContain('durand');
  });
});
