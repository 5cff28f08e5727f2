import { describe, expect, it } from 'vitest';
import { daysOf, horizons, resolvePeriod, tierBuckets, tierOf } from './period.js';

const now = new Date('2026-11-29T12:00:00.000Z');

describe('resolvePeriod', () => {
  it.each([
    [{}, '2026-10-30T12:00:00.000Z', '2026-11-29T12:00:00.000Z'],
    [{ from: '2026-11-01' }, '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    [{ to: '2026-11-01' }, '2026-10-02T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    [
      { from: '2026-01-01', to: '2027-01-01T00:00:00+00:00' },
      '2026-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ],
    [
      { from: '2026-11-01T10:00:00+02:00', to: '2026-11-02' },
      '2026-11-01T08:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
    ],
  ])('%j is [%s, %s)', (input, from, to) => {
    expect(resolvePeriod(input, now)).toEqual({ ok: true, value: { from, to } });
  });

  it.each([
    [{ from: '2026-11-02', to: '2026-11-01' }, 'from must be before to.'],
    [{ from: '2026-11-01', to: '2026-11-01' }, 'from must be before to.'],
    [{ from: '2025-01-01', to: '2026-06-01' }, 'A report covers at most 366 days.'],
    [{ from: 'yesterday' }, 'from must be an RFC 3339 date or date-time, e.g. 2026-11-01.'],
    [{ to: '2026-13-45' }, 'to must be an RFC 3339 date or date-time, e.g. 2026-11-01.'],
  ])('refuses %j', (input, message) => {
    expect(resolvePeriod(input, now)).toEqual({ ok: false, code: 'REPORT_PERIOD_INVALID', message });
  });
});

describe('tiers', () => {
  const steps = [
    { index: 1, threshold: 500 },
    { index: 2, threshold: 800 },
    { index: 3, threshold: 1200 },
  ];
  it.each([
    [0, 0],
    [499, 0],
    [500, 1],
    [799, 1],
    [800, 2],
    [5000, 3],
  ])('value %i reaches tier %i', (value, tier) => {
    expect(tierOf(value, steps)).toBe(tier);
    // the SQL case tests thresholds from the highest down: the first met is the tier
    expect(tierBuckets(steps).find((s) => value >= s.threshold)?.index ?? 0).toBe(tier);
  });
});

describe('horizons', () => {
  it('adds whole days', () => {
    expect(horizons(now, [30, 90])).toEqual([
      { days: 30, until: '2026-12-29T12:00:00.000Z' },
      { days: 90, until: '2027-02-27T12:00:00.000Z' },
    ]);
  });
});

describe('daysOf', () => {
  it('lists each UTC day the period touches', () => {
    expect(daysOf({ from: '2026-11-01T10:00:00.000Z', to: '2026-11-03T00:00:00.000Z' })).toEqual([
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(daysOf({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-03T00:00:01.000Z' })).toHaveLength(3);
  });
});
