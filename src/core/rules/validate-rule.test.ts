import { describe, expect, it } from 'vitest';
import type { EarningRule } from './earning-rules.js';
import { validateRule, validateRules } from './validate-rule.js';

const base = { id: 'r1', rounding: 'floor', minimumAmount: 0, excludeDiscounted: false } as const;
const rate = { points: 1, per: 100 };

describe('validateRule', () => {
  it.each<[string, unknown, string[]]>([
    ['a visit rule', { ...base, kind: 'visit', rate: { points: 5 } }, []],
    ['a total rule', { ...base, kind: 'total_amount', rate }, []],
    ['category 1', { ...base, kind: 'category_subtotal', category: 1, rate }, []],
    ['category 9', { ...base, kind: 'category_subtotal', category: 9, rate }, []],
    ['a brand rule', { ...base, kind: 'brand', brand: 'ACME', rate }, []],
    ['an items rule', { ...base, kind: 'items', itemCodes: ['1234', '4567'], rate }, []],
    ['per 0', { ...base, kind: 'total_amount', rate: { points: 1, per: 0 } }, ['RATE_PER_INVALID']],
    ['per negative', { ...base, kind: 'total_amount', rate: { points: 1, per: -100 } }, ['RATE_PER_INVALID']],
    ['per decimal', { ...base, kind: 'total_amount', rate: { points: 1, per: 1.5 } }, ['RATE_PER_INVALID']],
    [
      'points decimal',
      { ...base, kind: 'total_amount', rate: { points: 0.5, per: 100 } },
      ['RATE_POINTS_INVALID'],
    ],
    ['points negative', { ...base, kind: 'visit', rate: { points: -1 } }, ['RATE_POINTS_INVALID']],
    ['category 0', { ...base, kind: 'category_subtotal', category: 0, rate }, ['CATEGORY_OUT_OF_RANGE']],
    ['category 10', { ...base, kind: 'category_subtotal', category: 10, rate }, ['CATEGORY_OUT_OF_RANGE']],
    ['blank brand', { ...base, kind: 'brand', brand: ' ', rate }, ['BRAND_REQUIRED']],
    ['no item codes', { ...base, kind: 'items', itemCodes: [], rate }, ['ITEM_CODES_REQUIRED']],
    ['blank item code', { ...base, kind: 'items', itemCodes: ['1', ''], rate }, ['ITEM_CODE_INVALID']],
    [
      'negative minimum',
      { ...base, minimumAmount: -1, kind: 'total_amount', rate },
      ['MINIMUM_AMOUNT_INVALID'],
    ],
    ['unknown rounding', { ...base, rounding: 'bankers', kind: 'total_amount', rate }, ['ROUNDING_UNKNOWN']],
    ['no id', { ...base, id: '', kind: 'total_amount', rate }, ['RULE_ID_REQUIRED']],
    ['unknown kind', { ...base, kind: 'weekday', rate }, ['KIND_UNKNOWN']],
    [
      'non-boolean exclusion',
      { ...base, excludeDiscounted: 'f', kind: 'total_amount', rate },
      ['EXCLUDE_DISCOUNTED_INVALID'],
    ],
    [
      'several issues at once',
      { ...base, minimumAmount: 1.5, kind: 'category_subtotal', category: 12, rate: { points: 1, per: 0 } },
      ['MINIMUM_AMOUNT_INVALID', 'RATE_PER_INVALID', 'CATEGORY_OUT_OF_RANGE'],
    ],
  ])('%s', (_name, rule, reasons) => {
    const result = validateRule(rule as EarningRule);
    if (reasons.length === 0) expect(result).toEqual({ ok: true, value: rule });
    else expect(result.ok === false && result.issues.map((issue) => issue.reason)).toEqual(reasons);
  });
});

describe('validateRules', () => {
  it('prefixes fields and refuses duplicate ids', () => {
    const rules = [
      { ...base, kind: 'visit', rate: { points: 1 } },
      { ...base, kind: 'category_subtotal', category: 0, rate },
    ] as EarningRule[];
    const result = validateRules(rules);
    expect(result.ok === false && result.issues.map((i) => [i.field, i.reason])).toEqual([
      ['rules[1].category', 'CATEGORY_OUT_OF_RANGE'],
      ['rules[1].id', 'RULE_ID_DUPLICATE'],
    ]);
  });

  it('accepts a valid set', () => {
    expect(validateRules([{ ...base, kind: 'total_amount', rate }]).ok).toBe(true);
  });
});
