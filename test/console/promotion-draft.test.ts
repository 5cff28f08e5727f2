import { describe, expect, it } from 'vitest';
import { parsePromotion } from '../../src/core/promotions/parse-promotion.js';
import {
  emptyDraft,
  errorsByField,
  fieldOfPath,
  fromSource,
  toSource,
  type Draft,
} from '../../web/console/src/pages/promotion-draft.js';

const draft: Draft = {
  ...emptyDraft(),
  name: '20 % off shoes',
  code: 'SHOES20',
  sets: [{ name: 'shoes', type: 'item', attribute: 'level1', values: 'SHOES, BOOTS' }],
  conditions: [{ name: 'Exists', params: { 'use-set': 'shoes' } }],
  combo: [{ set: 'shoes', min: '2', max: '' }],
  benefits: [
    {
      instance: 'PercentageDiscount',
      params: { percent: '20' },
      message: 'Shoes',
      method: 'resume',
      set: 'shoes',
    },
  ],
};
let n = 0;
const options = { currencyDigits: 2, newNro: () => (n++).toString(16).padStart(24, '0') };

describe("the promotion editor's form model", () => {
  it('writes a body the engine parses into the promotion the form shows', () => {
    const parsed = parsePromotion(toSource(draft), options);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.sets).toEqual([
      { kind: 'item', name: 'shoes', attribute: 'level1', values: ['SHOES', 'BOOTS'] },
    ]);
    expect(parsed.value.benefits[0]).toMatchObject({ kind: 'PercentageDiscount', percentBp: 2000 });
  });

  it('reads back what it wrote, and grammar written by other clients (single objects, not arrays)', () => {
    expect(fromSource(toSource(draft))).toEqual({
      ...draft,
      sets: [{ ...draft.sets[0], values: 'SHOES, BOOTS' }],
    });
    const foreign = fromSource({
      name: 'x',
      code: 'X',
      sets: { set: { name: 'a', type: 'item', attribute: 'brand', value: 'ACME' } },
      condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'a' } },
      benefits: { benefit: { instance: 'LoyaltyBenefit', parameter: [{ key: 'value', value: '50' }] } },
    });
    expect(foreign?.sets).toEqual([{ name: 'a', type: 'item', attribute: 'brand', values: 'ACME' }]);
    expect(foreign?.conditions).toEqual([{ name: 'Exists', params: { 'use-set': 'a' } }]);
    expect(foreign?.benefits[0]?.params).toEqual({ value: '50' });
  });

  it('leaves to the JSON editor what the form cannot show (Or, staggered steps)', () => {
    expect(fromSource({ condition: { type: 'composite', name: 'Or', condition: [] } })).toBeUndefined();
    expect(
      fromSource({ benefits: { benefit: { instance: 'FixedDiscount', staggered: {} } } }),
    ).toBeUndefined();
  });

  it("puts each of the engine's 422 paths on the field that wrote it", () => {
    const bad = toSource({
      ...draft,
      sets: [{ name: 'shoes', type: 'item', attribute: 'level1', values: '' }],
      conditions: [{ name: 'Exists', params: { 'use-set': 'hats' } }],
      benefits: [{ ...draft.benefits[0]!, params: { percent: '150' } }],
    });
    const parsed = parsePromotion(bad, options);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = Object.keys(errorsByField(parsed.details ?? []));
    expect(fields.sort()).toEqual(['benefit-0-percent', 'condition-0-set', 'set-0-values']);
    expect(fieldOfPath('name')).toBe('name');
    expect(fieldOfPath('combo.combo-component[0].max')).toBe('combo-0-max');
    expect(fieldOfPath('validity.to')).toBe('to');
    expect(fieldOfPath('benefits.benefit[1].parameter[displayMessage]')).toBe('benefit-1-message');
  });
});
