import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BasketLine } from './basket.js';
import { scanBasket } from './basket-scan.js';
import { basket } from './evaluate.fixture.js';

/** The canonical order by its definition: price, sku, quantity, attributes, position. */
function reference(lines: readonly BasketLine[]): number[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (l: BasketLine) =>
    Object.keys(l.attributes)
      .sort()
      .map((k) => `${k}=${l.attributes[k as keyof typeof l.attributes] ?? ''}`)
      .join('|');
  const qm = lines.map((l) => Math.round(l.quantity * 1000));
  return [...lines.keys()].sort(
    (a, b) =>
      lines[a]!.unitPrice - lines[b]!.unitPrice ||
      compare(lines[a]!.sku, lines[b]!.sku) ||
      qm[a]! - qm[b]! ||
      compare(key(lines[a]!), key(lines[b]!)) ||
      a - b,
  );
}

const lineArb = (price: fc.Arbitrary<number>): fc.Arbitrary<BasketLine> =>
  fc.record({
    sku: fc.constantFrom('A', 'B', 'C'),
    quantity: fc.constantFrom(1, 2, 0.5),
    unitPrice: price,
    attributes: fc.record({ brand: fc.constantFrom('X', 'Y') }, { requiredKeys: [] }),
  });

describe('basket scan: canonical order', () => {
  it('is the order of price, sku, quantity, attributes and position, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb(fc.integer({ min: 0, max: 5 })), { maxLength: 70 }),
        fc.array(lineArb(fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 70 }),
        (few, many) => {
          for (const lines of [few, many, [...few, ...many]]) {
            const scan = scanBasket(basket(lines), null);
            expect(scan.cheapest).toEqual(reference(lines));
            scan.cheapest.forEach((i, r) => expect(scan.rank[i]).toBe(r));
          }
        },
      ),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('sorts prices that cannot be packed with the position (fractional, huge) by the comparison', () => {
    const prices = [0.5, 2 ** 52, 3, 0.25, 2 ** 52, 3, Number.MAX_SAFE_INTEGER];
    const lines = prices.map((unitPrice, i) => ({
      sku: `S${i % 2}`,
      quantity: 1,
      unitPrice,
      attributes: {},
    }));
    expect(scanBasket(basket(lines), null).cheapest).toEqual(reference(lines));
  });
});
