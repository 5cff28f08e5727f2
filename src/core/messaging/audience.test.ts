import { describe, expect, it } from 'vitest';
import { checkAudience, throttledAt } from './audience.js';

describe('checkAudience', () => {
  it.each([
    [{}, []],
    [{ minTier: 2 }, ['audience.minTier']],
    [{ program: 'GOLD', minTier: 2 }, []],
    [{ minBalance: 10, maxBalance: 5 }, ['audience.minBalance']],
    [{ minBalance: 5, maxBalance: 5 }, []],
    [{ lastPurchaseAfter: '2026-06-01', lastPurchaseBefore: '2026-01-01' }, ['audience.lastPurchaseAfter']],
    [{ lastPurchaseBefore: 'yesterday' }, ['audience.lastPurchaseBefore']],
  ])('%j → %j', (audience, fields) => {
    expect(checkAudience(audience).map((i) => i.field)).toEqual(fields);
  });
});

describe('throttledAt', () => {
  it('spreads messages perMinute a minute', () => {
    expect(throttledAt(0, 0, 2)).toBe(0);
    expect(throttledAt(0, 1, 2)).toBe(0);
    expect(throttledAt(0, 2, 2)).toBe(60_000);
    expect(throttledAt(0, 5, 2)).toBe(120_000);
    expect(throttledAt(1000, 99, null)).toBe(1000);
  });
});
