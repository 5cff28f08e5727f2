import { describe, expect, it } from 'vitest';
import { headerConfiguration, headerFields, type HeaderAttributeConfig } from './header-fields.js';
import type { Condition } from './model.js';

const cfg = (attribute: HeaderAttributeConfig['attribute'], active: boolean, mandatory: boolean) => ({
  attribute,
  name: `${attribute} name`,
  active,
  mandatory,
});
const header = (attribute: 'store' | 'region', ...values: string[]): Condition => ({
  kind: 'header',
  attribute,
  values,
});
const STORES = header('store', 'napse', 'napse2');

describe('headerFields', () => {
  it.each([
    ['nothing configured (disabled and inactive): no field', null, [], []],
    ['nothing configured, even with a Header condition: no field', STORES, [], []],
    ['inactive and not mandatory: not shown', STORES, [cfg('store', false, false)], []],
    ['mandatory but not active: not shown', STORES, [cfg('store', false, true)], []],
    [
      'active and mandatory: shown with the values the conditions require',
      STORES,
      [cfg('store', true, true)],
      [{ attribute: 'store', name: 'store name', mandatory: true, values: ['napse', 'napse2'] }],
    ],
    [
      'active but not mandatory, no Header condition: created empty',
      null,
      [cfg('store', true, false)],
      [{ attribute: 'store', name: 'store name', mandatory: false, values: [] }],
    ],
    [
      'top-level Ands are walked; two conditions on one attribute: the values both allow',
      {
        kind: 'and',
        conditions: [
          STORES,
          { kind: 'and', conditions: [header('store', 'napse2', 'x'), header('region', 'N')] },
        ],
      },
      [cfg('region', true, false), cfg('store', true, false)],
      [
        { attribute: 'store', name: 'store name', mandatory: false, values: ['napse2'] },
        { attribute: 'region', name: 'region name', mandatory: false, values: ['N'] },
      ],
    ],
    [
      'Header under Or or Not is no field (it still applies as a condition)',
      { kind: 'or', conditions: [STORES, { kind: 'not', condition: header('region', 'N') }] },
      [cfg('store', true, false), cfg('region', true, true)],
      [
        { attribute: 'store', name: 'store name', mandatory: false, values: [] },
        { attribute: 'region', name: 'region name', mandatory: true, values: [] },
      ],
    ],
  ] as [string, Condition | null, HeaderAttributeConfig[], unknown[]][])(
    '%s',
    (_n, condition, config, fields) => {
      expect(headerFields(condition, config)).toEqual(fields);
    },
  );

  it('lists every known attribute, unconfigured ones inactive and not mandatory', () => {
    const all = headerConfiguration([cfg('segment', true, true)]);
    expect(all.map((c) => [c.attribute, c.active, c.mandatory])).toEqual([
      ['store', false, false],
      ['terminal', false, false],
      ['region', false, false],
      ['customerType', false, false],
      ['segment', true, true],
      ['contract', false, false],
    ]);
  });
});
