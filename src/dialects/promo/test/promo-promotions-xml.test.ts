/**
 * PROMO V7.2 §4: the promotion operations of promoCoreRequest (getMaps, getPromotions, getPromotionsByNro,
 * ByCode, ByBenefitNro, ByName) replayed against the demo company, on both databases. Each documented answer
 * (test/fixtures/promo/*.xml, copied from the seed) is compared with the answer element by element and
 * attribute by attribute, in order (whitespace between elements aside); answers are ISO-8859-1.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { promoToken } from './promo-support.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/promo/${name}.xml`, import.meta.url), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});
const tree = (xml: string) => parser.parse(xml) as unknown;

const request = (operation: string, inner: string, companyId = '2') =>
  `<promoCoreRequest>\n<operation>${operation}</operation>\n<companyId>${companyId}</companyId>\n${inner}\n</promoCoreRequest>`;

describe.each(databases())('PROMO promotion XML services on $kind', (target) => {
  let h: Harness;
  let token: string;
  const post = async (body: string) => {
    const res = await h.request({
      method: 'POST',
      url: '/promo/api/rest/promotions',
      token,
      headers: { 'content-type': 'application/xml' },
      payload: body,
    });
    return {
      status: res.statusCode,
      type: res.headers['content-type'],
      text: res.rawPayload.toString('latin1'),
    };
  };

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  it('getPromotions: the distributed promotions of store 1, region 1, code descuento, as documented', async () => {
    const res = await post(
      request(
        'getPromotions',
        '<params>\n     <promoCode>descuento</promoCode>\n     <store>1</store>\n     <region>1</region>\n</params>',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/xml; charset=iso-8859-1');
    expect(res.text.startsWith('<?xml version="1.0" encoding="iso-8859-1"?>\n<promoCoreResponse>')).toBe(
      true,
    );
    expect(tree(res.text)).toEqual(tree(fixture('get-promotions')));
  });

  it('getPromotions narrows by store, region and codes (lists), and answers an empty <promotions />', async () => {
    const all = await post(request('getPromotions', '<params></params>'));
    expect(all.text.match(/<promotion /g)).toHaveLength(4);
    const two = await post(
      request(
        'getPromotions',
        '<params><promoCode>descuento</promoCode><promoCode>canje</promoCode></params>',
      ),
    );
    expect(two.text.match(/<promotion /g)).toHaveLength(2);
    const csv = await post(
      request('getPromotions', '<params><promoCode>descuento,canje</promoCode></params>'),
    );
    expect(tree(csv.text)).toEqual(tree(two.text));
    const none = await post(request('getPromotions', '<params><promoCode>nada</promoCode></params>'));
    expect(none.text).toContain('<message value="" />\n\t<promotions />');
  });

  it('getPromotionsByNro answers "Promo Canje" as documented', async () => {
    const res = await post(request('getPromotionsByNro', '<nro>64d140e6b29c1e1764334c1f</nro>'));
    expect(tree(res.text)).toEqual(tree(fixture('by-nro')));
  });

  it('getPromotionsByCode answers every promotion with the code ("redes": nothing configured)', async () => {
    const res = await post(request('getPromotionsByCode', '<promoCode>redes</promoCode>'));
    expect(tree(res.text)).toEqual(tree(fixture('by-code')));
    expect(res.text).toContain('<sets />');
    expect(res.text).toContain('<benefits />');
    // Codes are not unique: the two limit promotions share the empty code... and "" is not a code asked for.
    const shared = await post(
      request('getPromotionsByCode', '<promoCode>Promocion 3x2 en SKU 2</promoCode>'),
    );
    expect(shared.text.match(/<promotion /g)).toHaveLength(1);
  });

  it('getPromotionsByBenefitNro answers the promotion owning the benefit (the answer of §4, spec §11.12)', async () => {
    // The manual asks for 6489c122a62e4343b821cc9d but answers a promotion whose benefit is
    // 64cbfc85a62e430ec443b4d4: the demo follows the answer, and the asked nro owns nothing.
    const res = await post(request('getPromotionsByBenefitNro', '<nro>64cbfc85a62e430ec443b4d4</nro>'));
    expect(tree(res.text)).toEqual(tree(fixture('by-benefit-nro')));
    const documented = await post(
      request('getPromotionsByBenefitNro', '<nro>6489c122a62e4343b821cc9d</nro>'),
    );
    expect(documented.status).toBe(200);
    expect(documented.text).toContain('<promotions />');
  });

  it('getPromotionsByName answers as documented (with its "<?xml" whole, spec §4)', async () => {
    const res = await post(
      request('getPromotionsByName', '<promoName>Promo Limite Clientes Cant. de Dinero</promoName>'),
    );
    expect(res.text.startsWith('<?xml')).toBe(true);
    expect(tree(res.text)).toEqual(tree(`<${fixture('by-name')}`));
  });

  it('getMaps answers map 5 as the downloaded file, inside <map version:="5"> (sic, spec §11.10)', async () => {
    const res = await post(request('getMaps', '<mapNumber>5</mapNumber>', 'napse'));
    expect(res.status).toBe(200);
    const documented = fixture('get-maps');
    const head = (xml: string) => xml.slice(0, xml.indexOf('<?xml', 10)).replace(/\s+/g, '');
    expect(head(res.text)).toBe(head(documented));
    expect(res.text).toContain('<map version:="5">');
    const inner = (xml: string) =>
      xml.slice(xml.indexOf('<promo-engine'), xml.indexOf('</promo-engine>') + '</promo-engine>'.length);
    expect(tree(inner(res.text))).toEqual(tree(inner(documented)));
    // The accented names travel as Latin-1 bytes.
    expect(res.text).toContain('Promociòn 10% de Descuento SKU 1');
  });

  it('the native API exports the same map file: GET /v1/promotion-maps/5 with Accept: application/xml', async () => {
    const login = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: 'sender', password: 'mate' },
    });
    const v1 = login.json().access_token as string;
    const res = await h.request({
      method: 'GET',
      url: '/v1/promotion-maps/5',
      token: v1,
      headers: { accept: 'application/xml' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=iso-8859-1');
    const text = res.rawPayload.toString('latin1');
    expect(text.startsWith('<?xml version="1.0" encoding="iso-8859-1"?>\n<promo-engine')).toBe(true);
    const inner = (xml: string) =>
      xml.slice(xml.indexOf('<promo-engine'), xml.indexOf('</promo-engine>') + '</promo-engine>'.length);
    expect(tree(inner(text))).toEqual(tree(inner(fixture('get-maps'))));
    const json = await h.request({ method: 'GET', url: '/v1/promotion-maps/5', token: v1 });
    expect(json.json().version).toBe(5);
    const missing = await h.request({
      method: 'GET',
      url: '/v1/promotion-maps/77',
      token: v1,
      headers: { accept: 'application/xml' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses missing elements (ack 9000) and answers ack 9005 for an unknown map', async () => {
    const noNro = await post(request('getPromotionsByNro', ''));
    expect(noNro.status).toBe(400);
    expect(noNro.text).toContain('<ack>9000</ack>');
    expect(noNro.text).toContain('El parámetro nro es requerido');
    const badMap = await post(request('getMaps', '<mapNumber>cinco</mapNumber>'));
    expect(badMap.status).toBe(400);
    const noMap = await post(request('getMaps', '<mapNumber>77</mapNumber>'));
    expect(noMap.status).toBe(200);
    expect(noMap.text).toContain('<ack>9005</ack>');
    const foreign = await post(request('getPromotionsByCode', '<promoCode>redes</promoCode>', '3'));
    expect(foreign.text).toContain('<ack>9001</ack>');
  });
});
