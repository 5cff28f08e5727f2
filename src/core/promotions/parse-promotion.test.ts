import { describe, expect, it } from 'vitest';
import type { Failure } from '../error-catalog.js';
import { parsePromotion } from './parse-promotion.js';

let n = 0;
const newNro = () => (++n).toString(16).padStart(24, '0');
const opts = { currencyDigits: 2, newNro };

/** The bulk import example of the specification (§5.4), one promotion object. */
const IMPORT_EXAMPLE = {
  operation: 'I',
  name: 'promo import10',
  code: 'promo import10',
  promotionType: 'tipo 1',
  promotionSubType: 'tipo 1',
  promotionApplicationForm: 'tipo 1',
  reportParticipants: 'false',
  suggest: 'not',
  sets: { set: { name: '631642d4cfaa7738300ff981', type: 'item' } },
  condition: {
    type: 'basic',
    name: 'Exists',
    parameter: { key: 'use-set', value: '631642d4cfaa7738300ff981' },
  },
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      parameter: [
        { key: 'displayMessage', value: 'promo import' },
        { key: 'printerMessage', value: 'promo import' },
        { key: 'TLOGMessage', value: 'promo import' },
        { key: 'applicationMethod', value: 'resume' },
        { key: 'prorationMethod', value: 'proportional' },
        { key: 'applicationPriceType', value: 'benefited-price' },
        { key: 'name', value: '631642c3cfaa7738300ff97e' },
        { key: 'percent', value: '10' },
        { key: 'unit', value: 'qty' },
        { key: 'prorateBCP', value: 'false' },
        { key: 'recoveryValue', value: '0' },
        { key: 'recoveryType', value: '' },
      ],
      'applied-elements': { 'use-set': { name: '631642d4cfaa7738300ff981' } },
    },
  },
};

const issues = (r: ReturnType<typeof parsePromotion>) =>
  (r as Failure).details?.map((d) => `${d.field}: ${d.message}`) ?? [];

describe('parsePromotion', () => {
  it('keeps the campaign and deployment channels (list or comma-separated), absent when not given', () => {
    const listed = parsePromotion(
      { ...IMPORT_EXAMPLE, campaign: 'BLACK FRIDAY', deploymentChannels: ['Punto de venta', 'Ecommerce'] },
      opts,
    );
    expect(listed.ok && [listed.value.campaign, listed.value.deploymentChannels]).toEqual([
      'BLACK FRIDAY',
      ['Punto de venta', 'Ecommerce'],
    ]);
    const text = parsePromotion({ ...IMPORT_EXAMPLE, deploymentChannels: 'Punto de venta, Ecommerce' }, opts);
    expect(text.ok && text.value.deploymentChannels).toEqual(['Punto de venta', 'Ecommerce']);
    const none = parsePromotion(IMPORT_EXAMPLE, opts);
    expect(none.ok && ['campaign' in none.value, 'deploymentChannels' in none.value]).toEqual([false, false]);
    const bad = parsePromotion({ ...IMPORT_EXAMPLE, campaign: { name: 'x' }, deploymentChannels: 3 }, opts);
    expect(bad.ok).toBe(false);
    expect(issues(bad).map((i) => i.split(':')[0])).toEqual(['campaign', 'deploymentChannels']);
  });

  it('reads the specification example: every item, 10 % resume, messages, a fresh nro per benefit', () => {
    const r = parsePromotion(IMPORT_EXAMPLE, opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.nro).toMatch(/^[0-9a-f]{24}$/);
    expect(p.type).toBe('tipo 1');
    expect(p.sets).toEqual([{ kind: 'item', name: '631642d4cfaa7738300ff981', attribute: null, values: [] }]);
    expect(p.condition).toEqual({ kind: 'exists', set: '631642d4cfaa7738300ff981' });
    const b = p.benefits[0]!;
    expect(b.kind).toBe('PercentageDiscount');
    expect(b.kind === 'PercentageDiscount' && b.percentBp).toBe(1000);
    expect(b.messages).toEqual({ display: 'promo import', printer: 'promo import', tlog: 'promo import' });
    expect(b.nro).not.toBe(p.nro);
  });

  it('accepts every container as an object or an array, with the same result', () => {
    const asArrays = {
      ...IMPORT_EXAMPLE,
      sets: { set: [IMPORT_EXAMPLE.sets.set] },
      condition: { ...IMPORT_EXAMPLE.condition, parameter: [IMPORT_EXAMPLE.condition.parameter] },
      benefits: {
        benefit: [
          {
            ...IMPORT_EXAMPLE.benefits.benefit,
            'applied-elements': { 'use-set': [{ name: '631642d4cfaa7738300ff981' }] },
          },
        ],
      },
    };
    const a = parsePromotion(IMPORT_EXAMPLE, { currencyDigits: 2, newNro: () => 'a'.repeat(24) });
    const b = parsePromotion(asArrays, { currencyDigits: 2, newNro: () => 'a'.repeat(24) });
    expect(b).toEqual(a);
  });

  it('converts decimal amounts once to minor units of the currency (half to even)', () => {
    const fixed = (amount: string, digits: number) => {
      const r = parsePromotion(
        {
          name: 'f',
          code: 'f',
          benefits: { benefit: { instance: 'FixedDiscount', parameter: { key: 'amount', value: amount } } },
        },
        { currencyDigits: digits, newNro },
      );
      const b = r.ok ? r.value.benefits[0] : undefined;
      return b?.kind === 'FixedDiscount' ? b.amountMinor : null;
    };
    expect(fixed('5', 2)).toBe(500);
    expect(fixed('19.995', 2)).toBe(2000);
    expect(fixed('0.125', 2)).toBe(12);
    expect(fixed('1500', 0)).toBe(1500);
  });

  it('answers 422 naming the path of each bad element', () => {
    const bad = {
      name: 'x',
      code: 'x',
      sets: { set: [{ name: 's1', type: 'item', attribute: 'colour', value: 'red' }] },
      condition: {
        type: 'composite',
        name: 'And',
        condition: [{ type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'nope' } }],
      },
      benefits: {
        benefit: [
          { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '110' }] },
          { instance: 'Teleport' },
        ],
      },
    };
    const r = parsePromotion(bad, opts);
    expect(r.ok).toBe(false);
    expect((r as Failure).code).toBe('PROMOTION_INVALID');
    expect(issues(r)).toEqual([
      'sets.set[0].attribute: must be one of code, level1, level2, level3, level4, level5, level6, brand, type',
      'condition.condition[0].parameter[use-set]: names no set of the promotion ("nope")',
      'benefits.benefit[0].parameter[percent]: must be at most 100',
      'benefits.benefit[1].instance: unknown benefit kind "Teleport"',
    ]);
  });

  it('refuses unknown fields, a promotion without benefit, bad validity', () => {
    const r = parsePromotion({ name: 'x', code: 'x', colour: 'red', validity: { from: 'yesterday' } }, opts);
    expect(issues(r)).toEqual([
      expect.stringMatching(/^colour: is not a known field/),
      'benefits: a promotion needs at least one benefit',
      'validity.from: must be an RFC 3339 date-time with its offset, e.g. 2026-12-01T00:00:00Z',
    ]);
  });

  it('stores the kinds the model leaves undefined with their parameters, never computed', () => {
    const r = parsePromotion(
      {
        name: 'b',
        code: 'b',
        benefits: {
          benefit: {
            instance: 'BankRefundBenefit',
            parameter: [
              { key: 'bank', value: 'X' },
              { key: 'displayMessage', value: 'Refund by your bank' },
            ],
          },
        },
      },
      opts,
    );
    expect(r.ok && r.value.benefits[0]).toMatchObject({
      kind: 'BankRefundBenefit',
      parameters: { bank: 'X' },
    });
  });

  it('reads staggered steps, combos with "1.0" quantities, Or/Not and header lists', () => {
    const r = parsePromotion(
      {
        name: 's',
        code: 's',
        sets: { set: { name: 'sku2', type: 'item', attribute: 'code', comparator: 'Into', value: '2' } },
        condition: {
          type: 'composite',
          name: 'Or',
          condition: [
            {
              type: 'basic',
              name: 'Header',
              parameter: [
                { key: 'attribute', value: 'store' },
                { key: 'value', value: 'napse,napse2' },
              ],
            },
            {
              type: 'composite',
              name: 'Not',
              condition: { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 'sku2' } },
            },
          ],
        },
        combo: { 'combo-component': { min: '3', max: '3', attribute: 'qty', 'use-set': 'sku2' } },
        benefits: {
          benefit: {
            instance: 'FixedDiscount',
            parameter: { key: 'unit', value: 'qty' },
            staggered: {
              unit: 'qty',
              staggeredStep: [
                { nro: '627b947426a51910c877b0ed', min: '1', max: '1', applyValue: '5' },
                { nro: '627b949c26a51910c877b0f0', min: '4', max: '4', applyValue: '1.5' },
              ],
            },
            'applied-elements': { 'use-set': { name: 'sku2', max: '1.0', attribute: 'qty' } },
          },
        },
      },
      opts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.condition).toEqual({
      kind: 'or',
      conditions: [
        { kind: 'header', attribute: 'store', values: ['napse', 'napse2'] },
        { kind: 'not', condition: { kind: 'exists', set: 'sku2' } },
      ],
    });
    expect(r.value.combo).toEqual([{ set: 'sku2', min: 3, max: 3 }]);
    const b = r.value.benefits[0]!;
    expect(b.appliedTo).toEqual([{ set: 'sku2', max: 1 }]);
    expect(b.kind === 'FixedDiscount' && b.staggered?.map((s) => s.value)).toEqual([500, 150]);
  });
});
