import { describe, expect, it } from 'vitest';
import { isHhMm, minutesUntilQuietEnds } from './quiet-hours.js';

describe('quiet hours', () => {
  const night = { start: '21:00', end: '08:00' };
  it.each([
    [20 * 60 + 59, 0],
    [21 * 60, 11 * 60],
    [23 * 60 + 30, 8 * 60 + 30],
    [0, 8 * 60],
    [7 * 60 + 59, 1],
    [8 * 60, 0],
  ])('at minute %i of the day, waits %i minutes (21:00–08:00)', (at, wait) => {
    expect(minutesUntilQuietEnds(at, night)).toBe(wait);
  });

  it('handles a window within one day and an empty one', () => {
    expect(minutesUntilQuietEnds(12 * 60 + 10, { start: '12:00', end: '14:00' })).toBe(110);
    expect(minutesUntilQuietEnds(15 * 60, { start: '12:00', end: '14:00' })).toBe(0);
    expect(minutesUntilQuietEnds(15 * 60, { start: '10:00', end: '10:00' })).toBe(0);
  });

  it('validates HH:MM', () => {
    expect(['00:00', '23:59', '08:30'].every(isHhMm)).toBe(true);
    expect(['24:00', '8:30', '08:60', ''].some(isHhMm)).toBe(false);
  });
});
