import { describe, expect, it } from 'vitest';
import type { EarningRule } from './earning-rules.js';
import { validateRule, validateRules } from './validate-rule.js';

const base = { id: 'r1', rounding: 'floor', minimumAmount: 0, excludeDiscounted: false } as const;
const rate = { points: 1, per: 100 };

describe('validateRule', () => {
  it.each<[string, unknown, string[]]>([
    ['a visit rule', { ...base, kind: 'visit', rate: { points: 5 } }, []],
    ['a total rule', { ...base, kind: 'total_amount', rate }, []],
    ['a type rule', { ...base, kind: 'attribute_subtotal', attribute: 'type', values: ['1'], rate }, []],
    [
      'a level1 rule',
      { ...base, kind: 'attribute_subtotal', attribute: 'level1', values: ['SHOES', 'BAGS'], rate },
      [],
    ],
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
    [
      'an unknown attribute',
      { ...base, kind: 'attribute_subtotal', attribute: 'colour', values: ['red'], rate },
      ['ATTRIBUTE_UNKNOWN'],
    ],
    [
      'no values',
      { ...base, kind: 'attribute_subtotal', attribute: 'type', values: [], rate },
      ['ATTRIBUTE_VALUES_REQUIRED'],
    ],
    [
      'a blank value',
      { ...base, kind: 'attribute_subtotal', attribute: 'type', values: ['1', ' '], rate },
      ['ATTRIBUTE_VALUE_INVALID'],
    ],
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
      {
        ...base,
        minimumAmount: 1.5,
        kind: 'attribute_subtotal',
        attribute: 'size',
        values: ['1'],
        rate: { points: 1, per: 0 },
      },
      ['MINIMUM_AMOUNT_INVALID', 'RATE_PER_INVALID', 'ATTRIBUTE_UNKNOWN'],
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
      { ...base, kind: 'attribute_subtotal', attribute: 'type', values: [''], rate },
    ] as EarningRule[];
    const result = validateRules(rules);
    expect(result.ok === false && result.issues.map((i) => [i.field, i.reason])).toEqual([
      ['rules[1].values[0]', 'ATTRIBUTE_VALUE_INVALID'],
      ['rules[1].id', 'RULE_ID_DUPLICATE'],
    ]);
  });

  it('accepts a valid set', () => {
    expect(validateRules([{ ...base, kind: 'total_amount', rate }]).ok).toBe(true);
  });
});
