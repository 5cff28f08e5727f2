import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear } from './calendar.js';

describe('calendar', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2100, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
    [50, 2, 28],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('agrees with Date on every month from year 1 to 2400', () => {
    for (let year = 1; year <= 2400; year += 1)
      for (let month = 1; month <= 12; month += 1) {
        const d = new Date(0);
        d.setUTCFullYear(year, month, 0);
        expect(daysInMonth(year, month)).toBe(d.getUTCDate());
      }
  });

  it('knows the leap years of the proleptic Gregorian calendar, before 100 too', () => {
    expect([1900, 2000, 2023, 2024, 2100, 4, 0].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
  });
});
