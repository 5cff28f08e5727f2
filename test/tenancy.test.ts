import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, createMerchant } from '../src/app/tenancy/tenancy.js';
import { createHarness, databases, type Harness } from './support/harness.js';

describe.each(databases())('tenant isolation of loyalty records on $kind', (target) => {
  let h: Harness;
  let tokenA: string;
  let tokenB: string;
  let saleId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    tokenA = await h.clientToken();
    const other = await createMerchant(h.deps, { slug: 'shop-b', name: 'Shop B' });
    await createApiClient(h.deps, {
      name: 'B till',
      role: 'cashier',
      merchantId: other.id,
      clientId: 'shop-b-pos',
      clientSecret: 'shop-b-secret',
    });
    const token = await h.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: 'shop-b-pos', client_secret: 'shop-b-secret' },
    });
    tokenB = token.json().access_token;
    const sale = await h.request({
      method: 'POST',
      url: '/v1/sales',
      token: tokenA,
      payload: {
        receipt: 'ISO-1',
        date: new Date().toISOString(),
        storeCode: 'PARIS-01',
        cardNumber: '13732365477',
        lines: [{ operation: 'purchase', amount: 5000, quantity: 1, discountPercent: 0 }],
      },
    });
    expect(sale.statusCode).toBe(201);
    saleId = sale.json().saleId;
  });
  afterAll(() => h.close());

  it.each([
    ['GET', (): string => `/v1/sales/${saleId}`],
    ['POST', (): string => `/v1/sales/${saleId}/returns`],
    ['POST', (): string => `/v1/sales/${saleId}/cancel`],
    ['GET', (): string => '/v1/cards/13732365477'],
    ['GET', (): string => '/v1/cards/13732365477/balance'],
    ['GET', (): string => '/v1/cards/13732365477/statement'],
    ['POST', (): string => '/v1/cards/13732365477/block'],
  ] as const)("answers 404 to merchant B for merchant A's %s %s", async (method, url) => {
    const payload = url().endsWith('/returns')
      ? { receipt: 'ISO-R', amount: 100 }
      : url().endsWith('/block')
        ? { reasonCode: 0 }
        : method === 'POST'
          ? {}
          : undefined;
    const res = await h.request({ method, url: url(), token: tokenB, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toMatch(/_NOT_FOUND$/);
    // merchant A still sees its own records
    if (method === 'GET')
      expect((await h.request({ method, url: url(), token: tokenA })).statusCode).toBe(200);
  });

  it("hides merchant A's sales from merchant B's lists", async () => {
    const byCard = await h.request({ method: 'GET', url: '/v1/sales?cardNumber=13732365477', token: tokenB });
    expect(byCard.statusCode).toBe(404);
    expect(byCard.json().error.code).toBe('CARD_NOT_FOUND');
    const all = await h.request({ method: 'GET', url: '/v1/sales', token: tokenB });
    expect(all.statusCode).toBe(200);
    expect(all.json().data).toEqual([]);
    const mine = await h.request({ method: 'GET', url: '/v1/sales', token: tokenA });
    expect(mine.json().data.map((s: { id: string }) => s.id)).toContain(saleId);
  });
});
