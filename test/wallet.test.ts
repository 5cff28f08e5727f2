import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, databases, type Harness } from './support/harness.js';
import { createCard, createProgram, ledgerCheck, purchase, sale } from './support/loyalty-fixtures.js';

const money = (operation: string, amount: number) => ({ operation, amount, quantity: 1, discountPercent: 0 });

describe.each(databases())('wallet on $kind', (target) => {
  let h: Harness;
  let token: string;
  let walletProgram: string;
  let plainProgram: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    walletProgram = await createProgram(h, { walletEnabled: true });
    plainProgram = await createProgram(h, { walletEnabled: false });
  });
  afterAll(() => h.close());

  const wallet = async (number: string) =>
    (await h.request({ method: 'GET', url: `/v1/cards/${number}/balance`, token })).json()
      .walletMinor as number;

  it('deposits, credits, withdraws and charges fees through sale lines', async () => {
    const { number } = await createCard(h, walletProgram);
    const first = await sale(h, token, {
      cardNumber: number,
      lines: [money('deposit', 5000), money('credit', 500)],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().balance.walletMinor).toBe(5500);
    const second = await sale(h, token, {
      cardNumber: number,
      lines: [purchase(2000), money('withdrawal', 2000), money('opening_fees', 300)],
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().pointsEarned).toBeGreaterThan(0);
    expect(await wallet(number)).toBe(3200);
  });

  it('refuses a withdrawal the wallet does not cover, and changes nothing', async () => {
    const { number } = await createCard(h, walletProgram);
    await sale(h, token, { cardNumber: number, lines: [money('deposit', 1000)] });
    const res = await sale(h, token, {
      cardNumber: number,
      lines: [purchase(5000), money('withdrawal', 1001)],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WALLET_INSUFFICIENT_FUNDS');
    expect(await wallet(number)).toBe(1000);
    const points = (await h.request({ method: 'GET', url: `/v1/cards/${number}/balance`, token })).json()
      .active;
    expect(points).toBe(0);
  });

  it('refuses wallet lines when the program has no wallet', async () => {
    const { number } = await createCard(h, plainProgram);
    const res = await sale(h, token, { cardNumber: number, lines: [money('deposit', 1000)] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WALLET_NOT_ACTIVATED');
  });

  it('takes the money back when the sale is cancelled, unless it was spent', async () => {
    const { number } = await createCard(h, walletProgram);
    const deposit = (await sale(h, token, { cardNumber: number, lines: [money('deposit', 4000)] })).json();
    const cancel = await h.request({
      method: 'POST',
      url: `/v1/sales/${deposit.saleId}/cancel`,
      token,
      payload: {},
    });
    expect(cancel.statusCode).toBe(200);
    expect(await wallet(number)).toBe(0);

    const again = (await sale(h, token, { cardNumber: number, lines: [money('deposit', 4000)] })).json();
    await sale(h, token, { cardNumber: number, lines: [money('withdrawal', 3000)] });
    const refused = await h.request({
      method: 'POST',
      url: `/v1/sales/${again.saleId}/cancel`,
      token,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WALLET_INSUFFICIENT_FUNDS');
    expect(await wallet(number)).toBe(1000);
  });

  it('keeps concurrent withdrawals within the balance', async () => {
    const { number } = await createCard(h, walletProgram);
    await sale(h, token, { cardNumber: number, lines: [money('deposit', 1000)] });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        sale(h, token, { cardNumber: number, lines: [money('withdrawal', 100)] }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(10);
    expect(await wallet(number)).toBe(0);
    const report = await ledgerCheck(h);
    expect(report.lines.join('\n')).toContain('All checks passed.');
  });
});
