import { describe, expect, it } from 'vitest';
import { assertInteger, LedgerInputError, parseIsoInstant, toEpochMs, toIso, utcMs } from './ledger-input.js';

describe('parseIsoInstant', () => {
  it.each([
    ['2024-01-01T00:00:00Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T00:00:00.000Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T00:00Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T02:00:00+02:00', Date.UTC(2024, 0, 1)],
    ['2023-12-31T19:00:00-05:00', Date.UTC(2024, 0, 1)],
    ['2024-02-29T12:30:15.250Z', Date.UTC(2024, 1, 29, 12, 30, 15, 250)],
  ])('%s parses', (text, ms) => {
    expect(parseIsoInstant(text)).toBe(ms);
  });

  it.each([
    ['2024-01-01T00:00:00', 'no offset: local time'],
    ['2024-01-01', 'date only'],
    ['2023-02-29T00:00:00Z', 'not a leap year'],
    ['2024-02-30T00:00:00Z', 'Feb 30'],
    ['2024-13-01T00:00:00Z', 'month 13'],
    ['2024-01-01T24:00:00Z', '24:00'],
    ['2024-01-01T00:60:00Z', 'minute 60'],
    ['2024-01-01T00:00:00+24:00', 'offset 24h'],
    ['March 7, 2024', 'not ISO'],
    ['', 'empty'],
  ])('%s is refused (%s)', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it("reads toISOString's own form exactly, from year 1 to 9999", () => {
    let ms = Date.UTC(1, 0, 1) - 1;
    const step = 7_919_000_003; // ~92 days and some milliseconds: every month, hour and millisecond comes round
    while (ms < Date.UTC(9999, 11, 31)) {
      const text = new Date(ms).toISOString();
      expect(parseIsoInstant(text)).toBe(ms);
      ms += step;
    }
  });

  it.each([
    ['2023-02-29T00:00:00.000Z', 'not a leap year'],
    ['1900-02-29T00:00:00.000Z', 'a century, not a leap year'],
    ['2024-04-31T00:00:00.000Z', 'April 31'],
    ['2024-00-10T00:00:00.000Z', 'month 0'],
    ['2024-01-00T00:00:00.000Z', 'day 0'],
    ['2024-01-01T24:00:00.000Z', '24:00'],
    ['2024-01-01T00:00:60.000Z', 'second 60'],
    ['2024-01-01T00:00:00.00aZ', 'a letter for a digit'],
    ['2024-01-01 00:00:00.000Z', 'a space for the T'],
  ])('%s is refused in the canonical form too (%s)', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('takes 2000-02-29 (a leap century) and years before 100 as written', () => {
    expect(parseIsoInstant('2000-02-29T23:59:59.999Z')).toBe(Date.UTC(2000, 1, 29, 23, 59, 59, 999));
    expect(parseIsoInstant('0050-06-01T00:00:00.000Z')).toBe(utcMs(50, 5, 1));
  });
});

describe('toEpochMs', () => {
  it.each([
    [0, 0],
    [1_700_000_000_000, 1_700_000_000_000],
    ['1970-01-01T00:00:00Z', 0],
  ])('%s -> %s', (input, ms) => {
    expect(toEpochMs(input)).toBe(ms);
  });

  it.each([[1.5], [Number.NaN], [Infinity], ['yesterday']])('%s throws a LedgerInputError', (input) => {
    expect(() => toEpochMs(input)).toThrow(LedgerInputError);
  });
});

describe('calendar helpers', () => {
  it('utcMs does not map years 0..99 to 1900..1999', () => {
    expect(toIso(utcMs(50, 0, 1))).toBe('0050-01-01T00:00:00.000Z');
    expect(utcMs(2024, 0, 1, 1, 2, 3, 4)).toBe(Date.UTC(2024, 0, 1, 1, 2, 3, 4));
  });
});

describe('assertInteger', () => {
  it.each([
    [1.5, 0],
    [-1, 0],
    [Number.NaN, 0],
    [2 ** 53, 0],
  ])('%s (min %i) throws', (value, min) => {
    expect(() => assertInteger(value, 'x', min)).toThrow(LedgerInputError);
  });

  it('accepts integers at the bound', () => {
    expect(() => assertInteger(0, 'x', 0)).not.toThrow();
  });
});
