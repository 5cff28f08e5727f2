import { describe, expect, it } from 'vitest';
import { completenessGaps, gapMessage } from './completeness.js';
import type { Promotion } from './model.js';
import { parsePromotion } from './parse-promotion.js';

let n = 0;
const newNro = () => (++n).toString(16).padStart(24, '0');
const parse = (body: object): Promotion => {
  const r = parsePromotion({ name: 'p', code: 'p', ...body }, { currencyDigits: 2, newNro });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};
const SETS = { set: { name: 's', type: 'item' } };
const percent = {
  instance: 'PercentageDiscount',
  parameter: [{ key: 'percent', value: '10' }],
  'applied-elements': { 'use-set': { name: 's' } },
};
const coupon = (type: string) => ({
  instance: 'CouponBenefit',
  parameter: [
    { key: 'couponid', value: type },
    { key: 'qty', value: '1' },
  ],
});
const couponCondition = (type: string) => ({
  type: 'basic',
  name: 'Coupon',
  parameter: { key: 'couponType', value: type },
});
const known = { couponTypes: new Set(['CUP10']) };

describe('completenessGaps', () => {
  it.each([
    ['a promotion with a benefit is complete', { sets: SETS, benefits: { benefit: percent } }, []],
    [
      'a draft (benefits sent empty) lacks a benefit',
      { sets: SETS, benefits: {} },
      [{ kind: 'noBenefit', path: 'benefits' }],
    ],
    ['a coupon benefit of a known type is complete', { benefits: { benefit: coupon('CUP10') } }, []],
    [
      'a coupon benefit of an unknown type',
      { benefits: { benefit: [percent, coupon('NOPE')] }, sets: SETS },
      [{ kind: 'unknownCouponType', path: 'benefits[1]', couponType: 'NOPE' }],
    ],
    [
      'a Coupon condition of an unknown type, nested in And and Not',
      {
        sets: SETS,
        benefits: { benefit: percent },
        condition: {
          type: 'composite',
          name: 'And',
          condition: [
            couponCondition('CUP10'),
            { type: 'composite', name: 'Not', condition: couponCondition('X') },
          ],
        },
      },
      [{ kind: 'unknownCouponType', path: 'condition.condition[1].condition', couponType: 'X' }],
    ],
    [
      'every gap, in order',
      { benefits: {}, condition: couponCondition('X') },
      [
        { kind: 'noBenefit', path: 'benefits' },
        { kind: 'unknownCouponType', path: 'condition', couponType: 'X' },
      ],
    ],
  ] as [string, object, unknown[]][])('%s', (_name, body, gaps) => {
    expect(completenessGaps(parse(body), known)).toEqual(gaps);
  });

  it('says each gap in words', () => {
    expect(gapMessage({ kind: 'noBenefit', path: 'benefits' })).toBe('has no benefit (a draft)');
    expect(gapMessage({ kind: 'unknownCouponType', path: 'benefits[0]', couponType: 'X' })).toBe(
      'names the coupon type "X", which does not exist',
    );
  });
});
