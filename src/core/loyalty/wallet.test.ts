import { describe, expect, it } from 'vitest';
import type { SaleLine } from '../rules/sale-line.js';
import { planWallet } from './wallet.js';

const line = (lineNo: number, operation: SaleLine['operation'], amount: number): SaleLine => ({
  lineNo,
  operation,
  amount,
  quantity: 1,
  discountPercent: 0,
});

describe('planWallet', () => {
  it('ignores purchase lines and moves money for the wallet operations', () => {
    const plan = planWallet(
      [
        line(1, 'purchase', 5000),
        line(2, 'deposit', 2000),
        line(3, 'withdrawal', 1500),
        line(4, 'credit', 300),
      ],
      0,
      true,
    );
    expect(plan).toEqual({
      ok: true,
      balanceAfter: 800,
      movements: [
        { kind: 'wallet_deposit', money: 2000, lineNo: 2 },
        { kind: 'wallet_withdrawal', money: -1500, lineNo: 3 },
        { kind: 'wallet_credit', money: 300, lineNo: 4 },
      ],
    });
  });

  it.each([
    [[line(1, 'withdrawal', 1)], 0, 'WALLET_INSUFFICIENT_FUNDS', 1],
    [[line(1, 'withdrawal', 600), line(2, 'deposit', 1000)], 500, 'WALLET_INSUFFICIENT_FUNDS', 1],
    [[line(1, 'opening_fees', 501)], 500, 'WALLET_INSUFFICIENT_FUNDS', 1],
  ] as const)('refuses what the balance does not cover (%#)', (lines, balance, reason, lineNo) => {
    expect(planWallet(lines, balance, true)).toEqual({ ok: false, reason, lineNo });
  });

  it('allows a withdrawal covered by an earlier deposit of the same sale', () => {
    expect(planWallet([line(1, 'deposit', 1000), line(2, 'withdrawal', 1000)], 0, true)).toMatchObject({
      ok: true,
      balanceAfter: 0,
    });
  });

  it('refuses wallet operations when the program has no wallet, and ignores purchases then', () => {
    expect(planWallet([line(1, 'purchase', 100)], 0, false)).toEqual({
      ok: true,
      movements: [],
      balanceAfter: 0,
    });
    expect(planWallet([line(1, 'purchase', 100), line(2, 'deposit', 100)], 0, false)).toEqual({
      ok: false,
      reason: 'WALLET_NOT_ACTIVATED',
      lineNo: 2,
    });
  });
});
