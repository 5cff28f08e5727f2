/**
 * The only code that writes the points ledger. Every function runs inside the caller's transaction, after
 * the card has been locked (`lockCard`), computes with the pure ledger, and persists movements, allocations
 * and lot changes. Lot writes are conditional on the values read, so a lost race fails and retries.
 */
import { enqueueOutbox } from '../messaging/enqueue.js';
import { balanceCapProblem } from '../../core/bounds.js';
import {
  allocateDebit,
  applyExpirations,
  balanceOf,
  computeExpiry,
  computePendingUntil,
  expireLots,
  overdraftLot,
  reclaimPoints,
  reverseAllocations,
  settleOverdraft,
  type ExpiryPolicy,
  type Lot,
} from '../../core/ledger/index.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { WalletMovementKind } from '../../core/loyalty/wallet.js';
import * as ledger from '../../db/repos/ledger.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';

export type MovementKind =
  | 'earn'
  | 'redeem'
  | 'adjust'
  | 'expire'
  | 'reverse'
  | 'transfer_in'
  | 'transfer_out'
  | WalletMovementKind
  | 'wallet_reverse';

/** Who and what a movement belongs to. */
export interface MovementContext {
  merchantId: string;
  cardId: string;
  now: string;
  saleId?: string | null;
  storeId?: string | null;
  terminalId?: string | null;
  principalId?: string | null;
  reason?: string | null;
}

async function writeMovement(
  tx: Tx,
  ctx: MovementContext,
  kind: MovementKind,
  points: number,
  money = 0,
): Promise<string> {
  const id = newId('mov');
  await ledger.insertMovement(tx, {
    id,
    merchant_id: ctx.merchantId,
    card_id: ctx.cardId,
    kind,
    points,
    money,
    sale_id: ctx.saleId ?? null,
    store_id: ctx.storeId ?? null,
    terminal_id: ctx.terminalId ?? null,
    principal_id: ctx.principalId ?? null,
    reason: ctx.reason ?? null,
    created_at: ctx.now,
  });
  return id;
}

const rows = (allocations: readonly { lotId: string; amount: number }[], kind: ledger.AllocationKind) =>
  allocations
    .filter((a) => a.amount !== 0)
    .map((a) => ({ id: newId('alc'), lotId: a.lotId, amount: a.amount, kind }));

/** Pays overdraft lots from active points, recording it on `movementId`. No balance changes. */
async function settle(tx: Tx, movementId: string, lots: readonly Lot[], now: string): Promise<Lot[]> {
  if (!lots.some((l) => l.amount < 0 && l.remaining < 0)) return [...lots];
  const settlement = settleOverdraft(lots, now);
  await ledger.insertAllocations(tx, movementId, [
    ...rows(settlement.allocations, 'debit'),
    ...rows(settlement.settlements, 'settle'),
  ]);
  await ledger.saveLotChanges(tx, lots, settlement.lots);
  return settlement.lots;
}

export interface EarnOptions {
  pendingDays: number;
  expiry: ExpiryPolicy;
  kind?: 'earn' | 'adjust' | 'transfer_in';
}

/**
 * Credits points as a new lot (pending and expiring per the program), then settles any overdraft. Refused
 * (BALANCE_LIMIT_EXCEEDED) when the card would hold more than a card may (src/core/bounds.ts).
 */
export async function creditPoints(
  tx: Tx,
  ctx: MovementContext,
  points: number,
  options: EarnOptions,
): Promise<Result<{ movementId: string; lotId: string | null }>> {
  if (points > 0) {
    const held = balanceOf(await ledger.openLots(tx, ctx.cardId), ctx.now);
    const over = balanceCapProblem(Math.max(0, held.active) + held.pending, points);
    if (over) return fail('BALANCE_LIMIT_EXCEEDED', over);
  }
  const movementId = await writeMovement(tx, ctx, options.kind ?? 'earn', points);
  if (points <= 0) return ok({ movementId, lotId: null });
  const lotId = newId('lot');
  await ledger.insertLot(tx, {
    id: lotId,
    merchant_id: ctx.merchantId,
    card_id: ctx.cardId,
    movement_id: movementId,
    sale_id: ctx.saleId ?? null,
    amount: points,
    remaining: points,
    burnt: 0,
    earned_at: ctx.now,
    pending_until: computePendingUntil(ctx.now, options.pendingDays),
    expires_at: computeExpiry(ctx.now, options.expiry),
  });
  await settle(tx, movementId, await ledger.openLots(tx, ctx.cardId), ctx.now);
  return ok({ movementId, lotId });
}

/** Spends points, nearest expiry first; refuses when the active balance does not cover them. */
export async function debitPoints(
  tx: Tx,
  ctx: MovementContext,
  points: number,
  kind: 'redeem' | 'adjust' | 'transfer_out' = 'redeem',
): Promise<Result<{ movementId: string }>> {
  const lots = await ledger.openLots(tx, ctx.cardId);
  const debit = allocateDebit(lots, points, ctx.now);
  if (!debit.ok) {
    return fail('INSUFFICIENT_POINTS', `The balance covers ${debit.available} points; ${points} were asked.`);
  }
  const movementId = await writeMovement(tx, ctx, kind, -points);
  await ledger.insertAllocations(tx, movementId, rows(debit.allocations, 'debit'));
  await ledger.saveLotChanges(tx, lots, debit.lots);
  return ok({ movementId });
}

/**
 * Gives back exactly what a debit movement took, lot by lot. Refused (BALANCE_LIMIT_EXCEEDED, nothing written)
 * when the card has earned so much since that the points given back would bring it past the cap;
 * `takenBackAfter`: points the caller takes back in the same transaction right after (a cancelled sale's
 * earning), which count against what is given back.
 */
export async function reverseDebit(
  tx: Tx,
  ctx: MovementContext,
  debitMovementId: string,
  takenBackAfter = 0,
): Promise<Result<{ movementId: string; points: number }>> {
  const taken = (await ledger.allocationsOf(tx, debitMovementId)).filter((a) => a.kind === 'debit');
  const allocations = taken.map((a) => ({ lotId: a.lot_id, amount: Number(a.amount) }));
  const points = allocations.reduce((sum, a) => sum + a.amount, 0);
  if (points > 0) {
    const held = balanceOf(await ledger.openLots(tx, ctx.cardId), ctx.now);
    const over = balanceCapProblem(Math.max(0, held.active) + held.pending, points - takenBackAfter);
    if (over) return fail('BALANCE_LIMIT_EXCEEDED', over);
  }
  const lots = await ledger.lotsById(tx, [...new Set(allocations.map((a) => a.lotId))]);
  const movementId = await writeMovement(tx, ctx, 'reverse', points);
  await ledger.insertAllocations(tx, movementId, rows(allocations, 'restore'));
  const restored = reverseAllocations(lots, allocations);
  await ledger.saveLotChanges(tx, lots, restored);
  await settle(tx, movementId, await ledger.openLots(tx, ctx.cardId), ctx.now);
  return ok({ movementId, points });
}

/**
 * Takes back earned points (a return or a cancellation): from the sale's own lots first, then from other
 * active points. What is still missing becomes a negative balance ('allow') or is waived ('cap_at_zero').
 */
export async function reclaimEarned(
  tx: Tx,
  ctx: MovementContext,
  saleLotIds: readonly string[],
  points: number,
  mode: 'allow' | 'cap_at_zero',
  kind: 'reverse' | 'adjust' = 'reverse',
): Promise<{ movementId: string; reclaimed: number; deficit: number; waived: number }> {
  const open = await ledger.openLots(tx, ctx.cardId);
  const missing = saleLotIds.filter((id) => !open.some((l) => l.id === id));
  const lots = [...open, ...(await ledger.lotsById(tx, missing))];
  const reclaim = reclaimPoints(
    lots,
    saleLotIds,
    points,
    ctx.now,
    mode === 'allow' ? 'allow_negative' : 'cap_at_zero',
  );
  const movementId = await writeMovement(tx, ctx, kind, -(reclaim.reclaimed + reclaim.deficit));
  await ledger.insertAllocations(tx, movementId, rows(reclaim.allocations, 'debit'));
  await ledger.saveLotChanges(tx, lots, reclaim.lots);
  if (reclaim.deficit > 0) {
    const debt = overdraftLot(newId('lot'), reclaim.deficit, ctx.now);
    await ledger.insertLot(tx, {
      id: debt.id,
      merchant_id: ctx.merchantId,
      card_id: ctx.cardId,
      movement_id: movementId,
      sale_id: ctx.saleId ?? null,
      amount: debt.amount,
      remaining: debt.remaining,
      burnt: 0,
      earned_at: debt.earnedAt,
      pending_until: null,
      expires_at: null,
    });
  }
  return { movementId, reclaimed: reclaim.reclaimed, deficit: reclaim.deficit, waived: reclaim.waived };
}

/**
 * Pays a debt (overdraft lot) from points that have become active since it was recorded, on a movement of
 * zero points: earned points that were still pending when the debt arose must pay it before they can expire.
 */
export async function settleDebts(tx: Tx, ctx: MovementContext): Promise<void> {
  const lots = await ledger.openLots(tx, ctx.cardId);
  if (settleOverdraft(lots, ctx.now).settlements.length === 0) return;
  const movementId = await writeMovement(tx, { ...ctx, reason: 'debt settled' }, 'adjust', 0);
  await settle(tx, movementId, lots, ctx.now);
}

/** Burns the points of lots past their expiry date (the scheduled job; idempotent). Settles debts first. */
export async function expireDue(tx: Tx, ctx: MovementContext): Promise<number> {
  await settleDebts(tx, ctx);
  const lots = await ledger.openLots(tx, ctx.cardId);
  const burns = expireLots(lots, ctx.now);
  const total = burns.reduce((sum, b) => sum + b.amount, 0);
  if (total === 0) return 0;
  const movementId = await writeMovement(tx, ctx, 'expire', -total);
  await ledger.insertAllocations(tx, movementId, rows(burns, 'burn'));
  await ledger.saveLotChanges(tx, lots, applyExpirations(lots, burns, ctx.now));
  await enqueueOutbox(tx, ctx.now, {
    merchantId: ctx.merchantId,
    channel: 'webhook',
    event: 'points.expired',
    data: { cardId: ctx.cardId, movementId, points: total, expiredAt: ctx.now },
  });
  return total;
}

/** Moves money in the card's wallet (no points). The caller has checked the balance under the card lock. */
export async function moveWallet(
  tx: Tx,
  ctx: MovementContext,
  kind: WalletMovementKind | 'wallet_reverse',
  money: number,
): Promise<string> {
  return writeMovement(tx, ctx, kind, 0, money);
}
