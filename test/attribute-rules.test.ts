/**
 * Earning rules on item attributes, and the /v1 forms from before them: a `category_subtotal` rule (posted,
 * or stored by an earlier version) is an `attribute_subtotal` rule on type ["N"], and a line's `category` N
 * is its type attribute "N" (core/rules/legacy-category.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { createCard, createProgram, purchase, sale } from './support/loyalty-fixtures.js';

const rate = (points: number) => ({ points, per: 100 });
const numberFormat = { prefix: '2910', length: 13, checkDigit: 'ean13' };

describe.each(databases())('attribute rules on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let till: string;
  let programId: string;

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
    till = await h.clientToken();
  });
  afterAll(() => h?.close());

  it('takes a legacy category rule and answers it as the attribute rule it is stored as', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/v1/programs',
      token: admin,
      payload: {
        code: 'ATTR',
        name: 'Attributes',
        cardType: 'bonus',
        cardCategory: 'plastic',
        numberFormat,
        rules: [
          { id: 'cat3', kind: 'category_subtotal', category: 3, rate: rate(10) },
          { id: 'shoes', kind: 'attribute_subtotal', attribute: 'level1', values: ['SHOES'], rate: rate(2) },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    programId = res.json().id;
    expect(res.json().rules).toEqual([
      {
        id: 'cat3',
        kind: 'attribute_subtotal',
        attribute: 'type',
        values: ['3'],
        rate: rate(10),
        rounding: 'floor',
        minimumAmount: 0,
        excludeDiscounted: false,
      },
      {
        id: 'shoes',
        kind: 'attribute_subtotal',
        attribute: 'level1',
        values: ['SHOES'],
        rate: rate(2),
        rounding: 'floor',
        minimumAmount: 0,
        excludeDiscounted: false,
      },
    ]);
  });

  it('earns on the lines of the attribute, a legacy category being the type attribute', async () => {
    const card = await createCard(h, programId);
    const res = await sale(h, till, {
      cardNumber: card.number,
      lines: [
        purchase(1000, { category: 3, categoryLabel: 'JARDIN' }),
        purchase(2000, { attributes: { level1: 'SHOES', type: '7' } }),
        purchase(500, { attributes: { type: '3' }, typeLabel: 'JARDIN' }),
        purchase(700, { attributes: { level1: 'shoes' } }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    // type 3: (1000 + 500) × 10 / 100 = 150; level1 SHOES: 2000 × 2 / 100 = 40; "shoes" is another value.
    expect(res.json()).toMatchObject({ pointsEarned: 190, unusedLines: [{ lineNo: 4, reason: 'Not Use' }] });
    const read = await h.request({ method: 'GET', url: `/v1/sales/${res.json().saleId}`, token: till });
    const lines = read.json().lines;
    expect(lines[0]).toMatchObject({
      attributes: { type: '3' },
      typeLabel: 'JARDIN',
      category: 3,
      categoryLabel: 'JARDIN',
    });
    expect(lines[1].attributes).toEqual({ level1: 'SHOES', type: '7' });
    expect(lines[1]).toMatchObject({ category: 7 });
    expect(lines[3]).not.toHaveProperty('category');
  });

  it('refuses a line whose category and type attribute disagree, and an unknown attribute in a rule', async () => {
    const card = await createCard(h, programId);
    const res = await sale(h, till, {
      cardNumber: card.number,
      lines: [
        purchase(1000, { category: 3, attributes: { type: '3' } }),
        purchase(1000, { category: 3, attributes: { type: '4' } }),
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'lines.1.category' }],
    });
    const bad = await h.request({
      method: 'PATCH',
      url: `/v1/programs/${programId}`,
      token: admin,
      payload: {
        rules: [{ id: 'c', kind: 'attribute_subtotal', attribute: 'colour', values: ['red'], rate: rate(1) }],
      },
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
  });

  it('reads a program stored with a legacy category rule as the attribute rule, and earns by it', async () => {
    const legacy = { id: 'old', kind: 'category_subtotal', category: 5, rate: rate(1) };
    const stored = await createProgram(h, {
      code: 'OLDCAT',
      numberFormat: { prefix: '2920', length: 13, checkDigit: 'ean13' },
      rules: [{ ...legacy, rounding: 'floor', minimumAmount: 0, excludeDiscounted: false } as never],
    });
    const read = await h.request({ method: 'GET', url: `/v1/programs/${stored}`, token: admin });
    expect(read.json().rules).toEqual([
      expect.objectContaining({ id: 'old', kind: 'attribute_subtotal', attribute: 'type', values: ['5'] }),
    ]);
    const card = await createCard(h, stored);
    const res = await sale(h, till, {
      cardNumber: card.number,
      lines: [purchase(1200, { category: 5 }), purchase(800, { attributes: { type: '6' } })],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().pointsEarned).toBe(12);
  });
});
