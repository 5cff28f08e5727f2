import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBody, stableJson } from './body-hash.js';

/** The first form of stableJson, kept here as the reference the stored fingerprints were made with. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('body fingerprint', () => {
  it('hashes a sale exactly as stored sales were hashed (a retry of an old sale must still match)', () => {
    const sale = {
      receipt: 'T-1',
      date: '2026-11-29T10:00:00.000Z',
      storeCode: 'PARIS-01',
      cardNumber: '2900000000063',
      lines: [
        {
          operation: 'purchase',
          itemCode: '0021147',
          amount: 1250,
          quantity: 2,
          discountPercent: 0,
          label: 'CHAISE été "pliante"',
        },
      ],
      payments: [{ method: 'card', amount: 1250 }],
    };
    expect(hashBody(sale)).toBe('756e8e6768bb8a356e5314fbde028d7813eb7528985f5ab2f84ed147a9da7740');
    const odd = { b: [1, null, true, 'x', { z: 1, a: [{}], m: undefined }], a: -0.5, é: '😀', 10: 1, 2: 2 };
    expect(hashBody(odd)).toBe('7e050b77f9568fd483720a19e279b7dde44c87902910be0adf665fb531d827cb');
    expect(stableJson([])).toBe('[]');
    expect(stableJson({})).toBe('{}');
  });

  it('does not depend on the order of keys', () => {
    expect(hashBody({ a: 1, b: { c: 2, d: [3] } })).toBe(hashBody({ b: { d: [3], c: 2 }, a: 1 }));
  });

  it('writes the same text as the reference for any JSON value, and for undefined inside arrays and objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stableJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
    const holes = [undefined, 1, () => 0, { f: () => 0, u: undefined }];
    expect(stableJson(holes)).toBe(reference(holes));
  });
});
