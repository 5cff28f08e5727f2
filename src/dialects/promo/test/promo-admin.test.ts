/**
 * PROMO V7.2 administration (spec §6.2, §6.4) and NextCardNumber (§4.1) against the demo company napse, on
 * both databases, with the races: NextCardNumber × 30 hands out 30 distinct elements; CONSUME × 20 on one
 * element never takes it below zero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { promoToken } from './promo-support.js';

const NEXT = (type: string) =>
  `<promoCoreRequest><operation>NextCardNumber</operation><params><type>${type}</type></params></promoCoreRequest>`;

describe.each(databases())('PROMO administration on $kind', (target) => {
  let h: Harness;
  let token: string;
  const admin = (items: unknown[], params: unknown[] = []) =>
    h.request({
      method: 'POST',
      url: '/promo/api/rest/cards/admin',
      token,
      payload: { companyId: 'napse', params, items },
    });
  const xml = (body: string, type = 'application/xml') =>
    h.request({
      method: 'POST',
      url: '/promo/api/rest/promotions',
      token,
      headers: { 'content-type': type },
      payload: body,
    });
  const card = async (code: string) =>
    (
      await h.request({
        method: 'GET',
        url: `/promo/api/rest/card?companyId=napse&code=${code}&limit=100`,
        token,
      })
    ).json();

  beforeAll(async () => {
    h = await createHarness(target);
    token = await promoToken(h);
  });
  afterAll(() => h.close());

  describe('§6.2 oneActiveCardByCustomer', () => {
    it('refuses a second active element of customer 9 (nominated type, default true)', async () => {
      const res = await admin(
        [{ operation: 'ACTIVATION', code: '12110', type: '13', customerId: '9', amount: '0' }],
        [{}],
      );
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        status: '400',
        description: 'rest::cardAdmin',
        detail: { result: 'error', detail: 'El cliente 9 ya posee un elemento de fidelidad activo' },
      });
      expect(await card('12110')).toEqual({});
    });

    it('creates a second element for customer 9 with "false" (the documented success envelope)', async () => {
      const res = await admin(
        [{ operation: 'ACTIVATION', code: '12100', type: '13', customerId: '9', amount: '0' }],
        [{ oneActiveCardByCustomer: 'false', validatedCard: 'true' }],
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.transactionId).toMatch(/^SVC_CRD_\d{14}$/);
      expect(body).toEqual({
        status: 200,
        description: 'rest::cardAdmin',
        transactionId: body.transactionId,
        detail: {
          result: 'ok',
          detail: '',
          updated: 0,
          ignored: 0,
          inserted: 1,
          removed: 0,
          errors: 0,
          processed: 1,
          errorDetails: [],
          successDetails: [{ rec: 1, code: '12100', amount: '0.0' }],
        },
      });
    });

    it('activates for customer 10, who has none (true)', async () => {
      const res = await admin(
        [{ operation: 'ACTIVATION', code: '12200', type: '13', customerId: '10', amount: '0' }],
        [{ oneActiveCardByCustomer: 'true' }],
      );
      expect(res.json().detail.inserted).toBe(1);
    });

    it('requires a customer on a non-nominated type unless false', async () => {
      for (const [code, params] of [
        ['10001', [{}]],
        ['10008', [{ oneActiveCardByCustomer: 'true' }]],
      ] as const) {
        const res = await admin(
          [{ operation: 'ACTIVATION', code, type: '12', customerId: '', amount: '0' }],
          [...params],
        );
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({
          status: '400',
          description: 'rest::cardAdmin',
          detail: { result: 'error', detail: 'El cliente es requerido para el registro : 1' },
        });
      }
      const withCustomer = await admin(
        [{ operation: 'ACTIVATION', code: '10002', type: '12', customerId: 'clientec', amount: '0' }],
        [{ oneActiveCardByCustomer: 'false' }],
      );
      expect(withCustomer.json().detail.inserted).toBe(1);
      const without = await admin(
        [{ operation: 'ACTIVATION', code: '10012', type: '12', customerId: '', amount: '0' }],
        [{ oneActiveCardByCustomer: 'false' }],
      );
      expect(without.json().detail.inserted).toBe(1);
    });
  });

  describe('§6.2 balance operations', () => {
    it('activates with 150, consumes 30, recharges and charges, one movement each', async () => {
      const flags = [{ oneActiveCardByCustomer: 'false' }];
      const act = await admin(
        [{ operation: 'ACTIVATION', code: '7000000001', type: '12', amount: '150' }],
        flags,
      );
      expect(act.json().detail.successDetails).toEqual([{ rec: 1, code: '7000000001', amount: '150.0' }]);
      const consume = await admin(
        [{ operation: 'CONSUME', code: '7000000001', type: '12', amount: '30' }],
        flags,
      );
      expect(consume.json().detail).toMatchObject({
        updated: 1,
        successDetails: [{ rec: 1, code: '7000000001', amount: '120.0' }],
      });
      const batch = await admin(
        [
          { operation: 'RECHARGE', code: '7000000001', type: '12', amount: '30', reason: 'promo' },
          { operation: 'CHARGE', code: '7000000001', type: '12', amount: '1000' },
          { operation: 'AMOUNT_UPDATE', code: '7000000001', type: '12', amount: '-20.5' },
          { operation: 'CONSUME', code: '7000000001', type: '12', amount: '5000' },
          { operation: 'CONSUME', code: 'nope', type: '12', amount: '1' },
          { operation: 'CHARGE', code: '7000000001', type: 'zz', amount: '1' },
          { operation: 'FREEZE', code: '7000000001', type: '12', amount: '1' },
          { operation: 'CHARGE', code: '7000000001', type: '12', amount: '1.234' },
        ],
        flags,
      );
      const detail = batch.json().detail;
      expect(detail).toMatchObject({ updated: 3, inserted: 0, errors: 5, processed: 8 });
      expect(detail.successDetails).toEqual([
        { rec: 1, code: '7000000001', amount: '150.0' },
        { rec: 2, code: '7000000001', amount: '1150.0' },
        { rec: 3, code: '7000000001', amount: '1129.5' },
      ]);
      expect(detail.errorDetails).toEqual([
        { rec: 4, code: '9520', info: 'Saldo insuficiente' },
        { rec: 5, code: '9520', info: 'not found' },
        { rec: 6, code: '9503', info: 'No se encontró el Tipo de tarjeta loyalty' },
        { rec: 7, code: '9520', info: expect.stringContaining('Operación inválida: FREEZE') },
        { rec: 8, code: '9520', info: expect.stringContaining('El monto es inválido') },
      ]);
      const element = await card('7000000001');
      expect(element.amount).toBe(1129.5);
      expect(
        element.cardHistory.map((m: { cardAction: string; amount: string; amountPrev: string }) => [
          m.cardAction,
          m.amount,
          m.amountPrev,
        ]),
      ).toEqual([
        ['AMOUNT_UPDATE', '20.5', '1150.0'],
        ['CHARGE', '1000.0', '150.0'],
        ['RECHARGE', '30.0', '120.0'],
        ['CONSUME', '30.0', '150.0'],
        ['ACTIVATION', '150.0', '0'],
      ]);
      const cancel = await admin([{ operation: 'CANCEL', code: '7000000001', type: '12' }], flags);
      expect(cancel.json().detail.updated).toBe(1);
      expect((await card('7000000001')).status).toBe('CANCELED');
      const after = await admin(
        [{ operation: 'CHARGE', code: '7000000001', type: '12', amount: '1' }],
        flags,
      );
      expect(after.json().detail.errorDetails).toEqual([
        { rec: 1, code: '9520', info: 'El elemento de fidelidad está cancelado' },
      ]);
    });

    it('refuses a foreign company, no items and more than 1000 items', async () => {
      const foreign = await h.request({
        method: 'POST',
        url: '/promo/api/rest/cards/admin',
        token,
        payload: { companyId: 'otra', items: [{}] },
      });
      expect(foreign.json()).toEqual({
        status: '400',
        description: 'rest::cardAdmin',
        detail: {
          result: 'error',
          detail: 'El código de compañía otra no pertenece a una compañía existente.',
        },
      });
      expect((await admin([])).json().detail.detail).toBe('El campo items es requerido');
      expect((await admin(Array.from({ length: 1001 }, () => ({})))).statusCode).toBe(400);
    });

    it('CONSUME × 20 concurrent on one element never goes below zero', async () => {
      await admin(
        [{ operation: 'ACTIVATION', code: '7000000099', type: '12', amount: '100' }],
        [{ oneActiveCardByCustomer: 'false' }],
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          admin(
            [{ operation: 'CONSUME', code: '7000000099', type: '12', amount: '15' }],
            [{ oneActiveCardByCustomer: 'false' }],
          ),
        ),
      );
      const succeeded = results.filter((r) => r.json().detail.updated === 1).length;
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
      expect(succeeded).toBe(6);
      const element = await card('7000000099');
      expect(element.amount).toBe(10);
      expect(
        element.cardHistory.filter((m: { cardAction: string }) => m.cardAction === 'CONSUME'),
      ).toHaveLength(6);
    });
  });

  describe('§4.1 NextCardNumber', () => {
    it('answers the lowest available element once, in ISO-8859-1', async () => {
      const res = await xml(
        '<promoCoreRequest>\n<operation>NextCardNumber</operation>\n<params><type="555"></params>\n</promoCoreRequest>',
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=iso-8859-1');
      expect(res.body).toBe(
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<promoCoreResponse>\n\t<ack>0</ack>\n\t<message>Id:"555000002200002"</message>\n</promoCoreResponse>\n',
      );
      const next = await xml(NEXT('555'));
      expect(next.body).toContain('<message>Id:"555000002200003"</message>');
    });

    it('answers ack 9503 for an unknown type, in Latin-1 bytes', async () => {
      const res = await xml(NEXT('999'));
      expect(res.statusCode).toBe(200);
      expect(
        res.rawPayload.includes(Buffer.from('No se encontró el Tipo de tarjeta loyalty', 'latin1')),
      ).toBe(true);
      expect(res.rawPayload.toString('latin1')).toContain('<ack>9503</ack>');
    });

    it('refuses a malformed document and a foreign company', async () => {
      expect((await xml('<promoCoreRequest><operation>')).statusCode).toBe(400);
      const foreign = await xml(
        '<promoCoreRequest><operation>NextCardNumber</operation><companyId>otra</companyId><params><type>555</type></params></promoCoreRequest>',
      );
      expect(foreign.statusCode).toBe(400);
      expect(foreign.body).toContain('<ack>9001</ack>');
    });

    it('× 30 concurrent hands out 30 distinct elements', async () => {
      const results = await Promise.all(Array.from({ length: 30 }, () => xml(NEXT('555'))));
      const numbers = results.map((r) => /Id:"(\d+)"/.exec(r.body)?.[1]);
      expect(numbers.every(Boolean)).toBe(true);
      expect(new Set(numbers).size).toBe(30);
    });
  });

  describe('§6.4 customer administration with autoCard', () => {
    it('creates the customer and its element numbered prefix + document', async () => {
      const item = {
        code: 'codigo33',
        name: 'Ricardo',
        lastName: 'Pérez',
        gender: 'm',
        birthDate: '2012-04-23',
        identificationType: ' dni',
        identifier: '28710944',
        identificationExpiration: '2050-01-01',
        nacionality: 'arg',
        email: 'ricardo@example.com',
        customerType: 'EMPLOYEE',
        address: 'diagonal 12 2233',
        addressCountry: 'arg',
        addressState: 'bsas',
        addressCity: 'tig',
        addressPostalCode: '22223',
        phone: '1111111123',
        isActive: 'true',
        operation: 'I',
        autoCard: 'cardType2',
        prof: 'Ingeniero',
      };
      const res = await h.request({
        method: 'POST',
        url: '/promo/api/rest/customer',
        token,
        payload: {
          companyId: 'napse',
          catalog: 'CatalogCustomer',
          params: [],
          itens: [
            item,
            { ...item, code: 'codigo34' },
            { code: 'x', operation: 'U', name: 'a', lastName: 'b', identifier: '1' },
          ],
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 200,
        description: 'rest::customerAdmin',
        detail: {
          result: 'ok',
          detail: '',
          inserted: 1,
          updated: 0,
          removed: 0,
          ignored: 0,
          errors: 2,
          processed: 3,
          errorDetails: [
            { rec: 2, customer: 'codigo34', msg: 'El elemento de fidelidad ya existe con otro cliente' },
            { rec: 3, customer: 'x', msg: 'not found' },
          ],
          successDetails: [{ rec: 1, customer: 'codigo33', card: '7700000028710944' }],
        },
      });
      const customer = (
        await h.request({
          method: 'GET',
          url: '/promo/api/rest/customer?companyId=napse&code=codigo33',
          token,
        })
      ).json();
      expect(customer).toMatchObject({
        code: 'codigo33',
        birthDate: '2012-04-23T03:00:00Z',
        identificationType: 'dni',
        prof: 'Ingeniero',
        cards: [{ code: '7700000028710944', type: 'cardType2', status: 'ENABLED', customerId: 'codigo33' }],
      });
      expect(
        (
          await h.request({
            method: 'GET',
            url: '/promo/api/rest/customer?companyId=napse&code=codigo34',
            token,
          })
        ).json(),
      ).toEqual({});
    });

    it('checks codes against the related catalogs the company loaded', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/promo/api/rest/customer',
        token,
        payload: {
          companyId: 'napse',
          items: [
            {
              code: 'c-x',
              name: 'A',
              lastName: 'B',
              identifier: '5',
              identificationType: 'pasaporte',
              operation: 'I',
            },
          ],
        },
      });
      expect(res.json().detail.errorDetails).toEqual([
        { rec: 1, customer: 'c-x', msg: 'El código pasaporte no existe en el catálogo CatalogIdType' },
      ]);
    });

    it('refuses more than 100 customers', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/promo/api/rest/customer',
        token,
        payload: {
          companyId: 'napse',
          items: Array.from({ length: 101 }, (_, i) => ({ code: `c${i}`, operation: 'I' })),
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail.detail).toBe('Se superó el máximo de 100 clientes por solicitud');
    });
  });
});
