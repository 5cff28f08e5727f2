import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../support/harness.js';

const exists = (name: string) => ({
  type: 'basic',
  name: 'Exists',
  parameter: { key: 'use-set', value: name },
});
const P30 = {
  name: '30 % off shoes',
  code: 'SHOES30',
  sets: { set: { name: 'shoes', type: 'item', attribute: 'level1', value: 'SHOES' } },
  condition: exists('shoes'),
  benefits: {
    benefit: {
      instance: 'PercentageDiscount',
      parameter: [{ key: 'percent', value: '30' }],
      'applied-elements': { 'use-set': { name: 'shoes' } },
    },
  },
};
const THREE_FOR_TWO = {
  name: '3 socks for 2',
  code: 'SOCKS3X2',
  sets: { set: [{ name: 'socks', type: 'item', attribute: 'code', comparator: 'Into', value: 'SOCK-1' }] },
  condition: exists('socks'),
  combo: { 'combo-component': { min: '3', max: '3', attribute: 'qty', 'use-set': 'socks' } },
  benefits: {
    benefit: [
      {
        instance: 'PercentageDiscount',
        parameter: [{ key: 'percent', value: '100' }],
        'applied-elements': { 'use-set': [{ name: 'socks', max: '1.0', attribute: 'qty' }] },
      },
    ],
  },
};

describe.each(databases())('map file import (XML) on $kind', (target) => {
  let h: Harness;
  let admin: string;
  const post = (url: string, payload: object) => h.request({ method: 'POST', url, payload, token: admin });
  const postXml = (xml: string, url = '/v1/promotion-maps') =>
    h.request({
      method: 'POST',
      url,
      token: admin,
      headers: { 'content-type': 'application/xml' },
      payload: Buffer.from(xml, 'latin1'),
    });
  const exportXml = async (version: number) => {
    const res = await h.request({
      method: 'GET',
      url: `/v1/promotion-maps/${version}`,
      token: admin,
      headers: { accept: 'application/xml' },
    });
    expect(res.statusCode).toBe(200);
    return res.rawPayload.toString('latin1');
  };

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.adminToken();
  });
  afterAll(() => h.close());

  it('export → import → export gives the same document; a new promotion is created, a known one matched', async () => {
    const shoes = (
      await post('/v1/promotions', { ...P30, code: 'SHOES-XML', name: 'Chaussures -30 € ' })
    ).json();
    const socks = (await post('/v1/promotions', THREE_FOR_TWO)).json();
    const created = await post('/v1/promotion-maps', {
      name: 'x',
      promotions: [shoes.nro, socks.nro],
      startDate: '2026-11-01T00:00:00Z',
      endDate: '2027-01-31T23:59:00Z',
      algorithm: [
        { fn: 'SIMPLE', promotions: [shoes.nro, socks.nro] },
        { fn: 'ALL', promotions: [socks.nro] },
      ],
    });
    expect(created.statusCode).toBe(201);
    const version = created.json().version as number;
    const first = await exportXml(version);
    const next = version + 1;
    const imported = await postXml(first.replace(`map-version="${version}"`, `map-version="${next}"`));
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      version: next,
      startDate: '2026-11-01T00:00:00.000Z',
      endDate: '2027-01-31T23:59:00.000Z',
      algorithm: [
        { fn: 'SIMPLE', promotions: [shoes.nro, socks.nro] },
        { fn: 'ALL', promotions: [socks.nro] },
      ],
    });
    expect(await exportXml(next)).toBe(first.replace(`map-version="${version}"`, `map-version="${next}"`));
    // Into a map of unknown nros: the promotions are created from the file with their nros.
    const fresh = first
      .replaceAll(shoes.nro, 'a'.repeat(24))
      .replaceAll(socks.nro, 'b'.repeat(24))
      .replace(`map-version="${version}"`, `map-version="${next + 1}"`);
    const other = await postXml(fresh, '/v1/promotion-maps?name=From%20file');
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json()).toMatchObject({ name: 'From file', version: next + 1 });
    expect(other.json().promotions.map((p: { nro: string }) => p.nro)).toEqual([
      'a'.repeat(24),
      'b'.repeat(24),
    ]);
    const read = await h.request({ method: 'GET', url: `/v1/promotions/${'a'.repeat(24)}`, token: admin });
    expect(read.json()).toMatchObject({ code: 'SHOES-XML' });
    expect(await exportXml(next + 1)).toBe(fresh);
    // The version is the file's: importing it again is refused.
    expect((await postXml(fresh)).statusCode).toBe(422);
  });

  it('a map limited to stores exports them as a Stores parameter and imports with them: the map applies there only', async () => {
    const shoes = (await post('/v1/promotions', { ...P30, code: 'SHOES-STORES' })).json();
    const created = await post('/v1/promotion-maps', {
      name: 'stores',
      promotions: [shoes.nro],
      startDate: '2026-01-01T00:00:00Z',
      stores: ['CLF-01', 'NOWHERE.9'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const version = created.json().version as number;
    const first = await exportXml(version);
    expect(first).toContain(
      '<parameter key="EvaluationAlgorithmClass" value="com.synthesis.promo.engine.evaluation.InStepsAlgorithm" />\n' +
        '\t<parameter key="Stores" value="CLF-01,NOWHERE.9" />\n\t<promotions>',
    );
    const next = 200 + version;
    const file = first.replace(`map-version="${version}"`, `map-version="${next}"`);
    const imported = await postXml(file);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ version: next, stores: ['CLF-01', 'NOWHERE.9'] });
    expect(await exportXml(next)).toBe(file);
    expect((await post(`/v1/promotion-maps/${next}/activate`, {})).statusCode).toBe(200);
    const basket = (storeCode: string) => ({
      storeCode,
      date: new Date().toISOString(),
      lines: [{ sku: 'SHOE-1', quantity: 1, unitPrice: 10000, attributes: { level1: 'SHOES' } }],
    });
    const there = (await post('/v1/baskets/evaluate', basket('CLF-01'))).json();
    expect(there).toMatchObject({ mapVersion: next, totalDiscount: 3000 });
    const elsewhere = (await post('/v1/baskets/evaluate', basket('PARIS-01'))).json();
    expect(elsewhere).toMatchObject({ mapVersion: next, totalDiscount: 0, promotions: [] });
    expect(elsewhere.notApplied).toEqual([
      expect.objectContaining({ code: 'SHOES-STORES', reason: 'MAP_NOT_VALID' }),
    ]);
    // A sale at another store records no promotion of the map.
    const customer = (await post('/v1/customers', { lastName: 'Stores', firstName: 'Test' })).json().id;
    const sold = await post('/v1/sales', {
      receipt: 'STORES-1',
      date: new Date().toISOString(),
      storeCode: 'PARIS-01',
      customerId: customer,
      lines: [{ operation: 'purchase', itemCode: 'SHOE-1', quantity: 1, unitPrice: 10000, amount: 10000 }],
    });
    expect(sold.statusCode, sold.body).toBe(201);
    expect(sold.json().promotions ?? null).toBeNull();
    // Without the parameter, the imported map applies at every store.
    const everywhere = file
      .replace('\t<parameter key="Stores" value="CLF-01,NOWHERE.9" />\n', '')
      .replace(`map-version="${next}"`, `map-version="${next + 1}"`);
    expect((await postXml(everywhere)).json()).toMatchObject({ version: next + 1, stores: [] });
  });

  it('a bad Stores parameter is a 422 naming it; a JSON map refuses store codes a map file cannot carry', async () => {
    const shoes = (await post('/v1/promotions', { ...P30, code: 'SHOES-BAD-STORES' })).json();
    const version = (
      await post('/v1/promotion-maps', {
        name: 'bad stores',
        promotions: [shoes.nro],
        startDate: '2026-01-01T00:00:00Z',
        stores: ['CLF-01'],
      })
    ).json().version as number;
    const file = (await exportXml(version)).replace(`map-version="${version}"`, 'map-version="300"');
    const stores = '<parameter key="Stores" value="CLF-01" />';
    for (const [value, message] of [
      ['CLF-01,,PARIS-01', /store 2 of the list is empty/],
      ['CLF-01,CLF-01', /names store CLF-01 twice/],
      [`CLF-01,${'x'.repeat(65)}`, /store 2 is longer than 64 characters/],
    ] as const) {
      const bad = await postXml(file.replace(stores, `<parameter key="Stores" value="${value}" />`));
      expect(bad.statusCode, bad.body).toBe(422);
      expect(bad.json().error.details[0].field).toBe('promo-engine.parameter[6]@value');
      expect(bad.json().error.message).toMatch(message);
    }
    const twice = await postXml(file.replace(stores, `${stores}${stores}`));
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.details[0].field).toBe('promo-engine.parameter[7]');
    const noValue = await postXml(file.replace(stores, '<parameter key="Stores" />'));
    expect(noValue.json().error.details[0].field).toBe('promo-engine.parameter[6]@value');
    // Nothing was created by the refused files.
    expect((await h.request({ method: 'GET', url: '/v1/promotion-maps/300', token: admin })).statusCode).toBe(
      404,
    );
    for (const [codes, field] of [
      [['CLF-01,PARIS-01'], 'stores[0]'],
      [['CLF-01', ' PARIS-01'], 'stores[1]'],
      [['CLF-01', 'CLF-01'], 'stores[1]'],
    ] as const) {
      const json = await post('/v1/promotion-maps', {
        name: 'x',
        promotions: [shoes.nro],
        startDate: '2026-01-01T00:00:00Z',
        stores: codes,
      });
      expect(json.statusCode, json.body).toBe(422);
      expect(json.json().error.details[0].field).toBe(field);
    }
  });

  it('a malformed document or a missing part is a 4xx naming it', async () => {
    const bad = await postXml('<promo-engine start-date="01/01/2026 00:00"><promotions></promo-engine>');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/not well formed/);
    const noRoot = await postXml('<?xml version="1.0"?><map />');
    expect(noRoot.statusCode).toBe(422);
    expect(noRoot.json().error.details[0].field).toBe('promo-engine');
    const date = await postXml(
      '<promo-engine start-date="2026-01-01" map-version="50"><promotions /></promo-engine>',
    );
    expect(date.json().error.details[0].field).toBe('promo-engine@start-date');
    const badPromotion = await postXml(
      '<promo-engine start-date="01/01/2026 00:00" map-version="51"><promotions><promotion name="x" code="x">' +
        '<benefits><benefit instance="PercentageDiscount"><parameter key="percent" value="ten" /></benefit></benefits>' +
        '</promotion></promotions></promo-engine>',
    );
    expect(badPromotion.statusCode).toBe(422);
    expect(badPromotion.json().error.details[0].field).toMatch(
      /^promo-engine\.promotions\.promotion\[0\]\.benefits/,
    );
    const usage = await postXml(
      `<promo-engine start-date="01/01/2026 00:00" map-version="52"><promotions><promotion name="y" code="y">` +
        `<benefits><benefit instance="PercentageDiscount"><parameter key="percent" value="10" /></benefit></benefits>` +
        `</promotion></promotions><evaluation-algorithm><step><function name="SIMPLE"><promotion-usage name="zz" />` +
        `</function></step></evaluation-algorithm></promo-engine>`,
    );
    expect(usage.statusCode).toBe(422);
    expect(usage.json().error.details[0].field).toBe(
      'promo-engine.evaluation-algorithm.step[0].function[0].promotion-usage[0]',
    );
  });
});
