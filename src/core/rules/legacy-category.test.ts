import { describe, expect, it } from 'vitest';
import { categoryConflicts, foldCategory, storedLineView, upgradeRule } from './legacy-category.js';

const common = { id: 'r', rounding: 'floor', minimumAmount: 0, excludeDiscounted: true } as const;
const rate = { points: 10, per: 100 };

describe('legacy categories read as the type attribute', () => {
  it('a category rule becomes an attribute rule on type; other rules are kept as they are', () => {
    expect(upgradeRule({ ...common, kind: 'category_subtotal', category: 3, rate })).toEqual({
      ...common,
      kind: 'attribute_subtotal',
      attribute: 'type',
      values: ['3'],
      rate,
    });
    const total = { ...common, kind: 'total_amount', rate } as const;
    expect(upgradeRule(total)).toBe(total);
  });

  it.each([
    ['category only', { category: 3 }, { attributes: { type: '3' } }],
    [
      'category and other attributes',
      { category: 3, attributes: { code: 'A' } },
      { attributes: { code: 'A', type: '3' } },
    ],
    ['the same type', { category: 3, attributes: { type: '3' } }, { attributes: { type: '3' } }],
    ['no category', { attributes: { level1: 'SHOES' } }, { attributes: { level1: 'SHOES' } }],
    ['a null category', { category: null }, {}],
    ['a label', { categoryLabel: 'JARDIN' }, { typeLabel: 'JARDIN' }],
    ['a type label wins', { categoryLabel: 'OLD', typeLabel: 'NEW' }, { typeLabel: 'NEW' }],
  ])('folds %s', (_name, line, folded) => {
    expect(foldCategory(line)).toEqual(folded);
  });

  it('tells the lines whose category and type disagree', () => {
    expect(
      categoryConflicts([
        { category: 3, attributes: { type: '3' } },
        { category: 3, attributes: { type: 'X' } },
        {},
      ]),
    ).toEqual([1]);
  });

  it('shows a stored line in both forms: attributes, and category when the type is 1..9', () => {
    const base = { lineNo: 1, operation: 'purchase', amount: 100, quantity: 1, discountPercent: 0 } as const;
    expect(storedLineView({ ...base, category: 8, categoryLabel: 'JARDIN' })).toEqual({
      ...base,
      attributes: { type: '8' },
      typeLabel: 'JARDIN',
      category: 8,
      categoryLabel: 'JARDIN',
    });
    expect(storedLineView({ ...base, attributes: { type: 'SHOE' } })).toEqual({
      ...base,
      attributes: { type: 'SHOE' },
    });
    expect(storedLineView({ ...base, category: null })).toEqual(base);
  });
});
