/**
 * The wallet: a money balance on a card, moved by the money operations of a sale (Avomark operations
 * 7 credit, 10 opening fees, 11 deposit, 12 withdrawal). Amounts in minor units; the balance never goes
 * below zero.
 */
import { BOUNDS } from '../bounds.js';
import type { SaleLine, SaleOperation } from '../rules/sale-line.js';

export type WalletMovementKind = 'wallet_deposit' | 'wallet_withdrawal' | 'wallet_credit' | 'wallet_fees';

const WALLET_OPERATIONS: Partial<Record<SaleOperation, { kind: WalletMovementKind; sign: 1 | -1 }>> = {
  deposit: { kind: 'wallet_deposit', sign: 1 },
  credit: { kind: 'wallet_credit', sign: 1 },
  withdrawal: { kind: 'wallet_withdrawal', sign: -1 },
  opening_fees: { kind: 'wallet_fees', sign: -1 },
};

export interface WalletMovement {
  kind: WalletMovementKind;
  /** Signed minor units. */
  money: number;
  lineNo: number;
}

export type WalletPlan =
  | { ok: true; movements: WalletMovement[]; balanceAfter: number }
  | { ok: false; reason: WalletRefusal; lineNo: number };

export type WalletRefusal = 'WALLET_NOT_ACTIVATED' | 'WALLET_INSUFFICIENT_FUNDS' | 'WALLET_LIMIT_EXCEEDED';

export function isWalletOperation(operation: SaleOperation): boolean {
  return operation in WALLET_OPERATIONS;
}

/**
 * The wallet movements a sale's lines make, in line order, checked against the balance line by line: a
 * withdrawal or a fee that the balance (including this sale's earlier deposits) does not cover is refused,
 * and so is a deposit or credit that would bring the wallet past BOUNDS.walletMinor.
 */
export function planWallet(lines: readonly SaleLine[], balance: number, walletEnabled: boolean): WalletPlan {
  const movements: WalletMovement[] = [];
  let running = balance;
  for (const line of lines) {
    const op = WALLET_OPERATIONS[line.operation];
    if (!op) continue;
    if (!walletEnabled) return { ok: false, reason: 'WALLET_NOT_ACTIVATED', lineNo: line.lineNo };
    const money = op.sign * line.amount;
    if (running + money < 0) return { ok: false, reason: 'WALLET_INSUFFICIENT_FUNDS', lineNo: line.lineNo };
    if (money > 0 && running + money > BOUNDS.walletMinor)
      return { ok: false, reason: 'WALLET_LIMIT_EXCEEDED', lineNo: line.lineNo };
    running += money;
    movements.push({ kind: op.kind, money, lineNo: line.lineNo });
  }
  return { ok: true, movements, balanceAfter: running };
}
