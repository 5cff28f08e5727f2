import { describe, expect, it } from 'vitest';
import { isCalendarDay, selectExclusionDates } from './exclusion-dates.js';

describe('selectExclusionDates', () => {
  const bounds = { today: '2023-07-10', validFrom: '2023-07-01', validTo: '2023-07-31' };
  it.each([
    [['2023-07-10', '2023-07-11'], ['2023-07-10', '2023-07-11'], []],
    [['2023-07-12', '2023-07-12'], ['2023-07-12'], []],
    [['2023-07-09'], [], [{ date: '2023-07-09', reason: 'PAST' }]],
    [['2023-08-01'], [], [{ date: '2023-08-01', reason: 'OUTSIDE_VALIDITY' }]],
    [
      ['10/07/2023', '2023-02-30'],
      [],
      [
        { date: '10/07/2023', reason: 'MALFORMED' },
        { date: '2023-02-30', reason: 'MALFORMED' },
      ],
    ],
  ])('%j → %j', (input, dates, ignored) => {
    expect(selectExclusionDates(input, bounds)).toEqual({ dates, ignored });
  });
  it('an open validity keeps every future date', () => {
    expect(
      selectExclusionDates(['2030-01-01'], { today: '2023-07-10', validFrom: null, validTo: null }).dates,
    ).toEqual(['2030-01-01']);
  });
  it('removals may name past dates', () => {
    expect(
      selectExclusionDates(['2020-01-01'], { ...bounds, validFrom: null, validTo: null, checkToday: false })
        .dates,
    ).toEqual(['2020-01-01']);
  });
  it('calendar days', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
  });
});
