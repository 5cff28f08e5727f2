/**
 * Gifts bought with points: the catalog, the gifts a card can afford, awarding (stock, points, gift
 * voucher in one transaction) and restoring an award.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { balanceOf } from '../../core/ledger/index.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import * as gifts from '../../db/repos/gifts.repo.js';
import { lockCard, openLots } from '../../db/repos/ledger.repo.js';
import { findProgram } from '../../db/repos/programs.repo.js';
import * as vouchers from '../../db/repos/vouchers.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { debitPoints, reverseDebit } from '../ledger/ledger-writer.js';
import { issueVoucher } from './issue-voucher.js';
import { inRollbackableTransaction } from '../result-transaction.js';
import { voucherView, type VoucherView } from './voucher-view.js';

export interface GiftView {
  id: string;
  title: string;
  pointsCost: number;
  /** null: unlimited. */
  stock: number | null;
  validFrom: string | null;
  validUntil: string | null;
  programId: string | null;
  active: boolean;
  createdAt: string;
}

export interface GiftInput {
  title: string;
  pointsCost: number;
  stock?: number | null | undefined;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
  programId?: string | null | undefined;
}

export function giftView(row: gifts.GiftRow): GiftView {
  return {
    id: row.id,
    title: row.title,
    pointsCost: Number(row.points_cost),
    stock: row.stock === null ? null : Number(row.stock),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    programId: row.program_id,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

const iso = (value: string | null | undefined) =>
  value === null || value === undefined ? null : new Date(Date.parse(value)).toISOString();

/** Active, within its validity window, and in stock at `now`. */
function available(row: gifts.GiftRow, now: number): boolean {
  if (row.active !== 1) return false;
  if (row.valid_from !== null && now < Date.parse(row.valid_from)) return false;
  if (row.valid_until !== null && now > Date.parse(row.valid_until)) return false;
  return row.stock === null || Number(row.stock) > 0;
}

export async function createGift(
  deps: Deps,
  merchantId: string,
  input: GiftInput,
): Promise<Result<GiftView>> {
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = input[field];
    if (value !== null && value !== undefined && Number.isNaN(Date.parse(value))) {
      return fail('VALIDATION_FAILED', `${field} is not an RFC 3339 date-time.`);
    }
  }
  const validFrom = iso(input.validFrom);
  const validUntil = iso(input.validUntil);
  if (validFrom !== null && validUntil !== null && validFrom > validUntil) {
    return fail('VALIDATION_FAILED', 'validUntil is before validFrom.');
  }
  if (input.title.trim() === '') return fail('VALIDATION_FAILED', 'A gift needs a title.');
  const programId = input.programId ?? null;
  if (programId !== null) {
    const program = await findProgram(deps.db, merchantId, { id: programId });
    if (!program) return fail('PROGRAM_NOT_FOUND');
  }
  const row: gifts.GiftRow = {
    id: newId('gft'),
    merchant_id: merchantId,
    program_id: programId,
    title: input.title.trim(),
    points_cost: input.pointsCost,
    stock: input.stock ?? null,
    valid_from: validFrom,
    valid_until: validUntil,
    active: 1,
    created_at: deps.now().toISOString(),
  };
  await gifts.insertGift(deps.db, row);
  return ok(giftView(row));
}

/** The catalog; with a card, only the gifts it can afford now (active points), available and in stock. */
export async function listGifts(
  deps: Deps,
  merchantId: string,
  cardNumber?: string,
): Promise<Result<GiftView[]>> {
  const rows = await gifts.listGifts(deps.db, merchantId);
  if (cardNumber === undefined) return ok(rows.map(giftView));
  const card = await findCardByNumber(deps.db, merchantId, cardNumber);
  if (!card) return fail('CARD_NOT_FOUND');
  const now = deps.now();
  const balance = balanceOf(await openLots(deps.db, card.id), now.toISOString(), {
    frozen: card.status === 'blocked',
  });
  return ok(
    rows
      .filter((row) => row.program_id === null || row.program_id === card.programId)
      .filter((row) => available(row, now.getTime()) && Number(row.points_cost) <= balance.active)
      .map(giftView),
  );
}

/**
 * Awards a gift to a card in one transaction: lock the card, debit the points (INSUFFICIENT_POINTS),
 * take one unit of stock with a conditional write (GIFT_OUT_OF_STOCK), issue the gift voucher and record
 * the award. Any failure rolls everything back.
 */
export async function awardGift(
  deps: Deps,
  merchantId: string,
  giftId: string,
  cardNumber: string,
  principalId: string | null = null,
): Promise<Result<{ awardId: string; voucher: VoucherView }>> {
  const now = deps.now();
  const at = now.toISOString();
  const result = await inRollbackableTransaction(deps, async (tx) => {
    const gift = await gifts.findGift(tx, merchantId, giftId);
    if (!gift) return fail('GIFT_NOT_FOUND');
    const card = await findCardByNumber(tx, merchantId, cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    if (card.status !== 'active') return fail('CARD_STATUS_ERROR', `The card is ${card.status}.`);
    if (gift.program_id !== null && gift.program_id !== card.programId) {
      return fail('GIFT_NOT_AVAILABLE', "This gift is not part of the card's program.");
    }
    if (!available({ ...gift, stock: null }, now.getTime())) return fail('GIFT_NOT_AVAILABLE');
    await lockCard(tx, card.id);
    const ctx = { merchantId, cardId: card.id, now: at, principalId, reason: `gift ${gift.id}` };
    const debit = await debitPoints(tx, ctx, Number(gift.points_cost));
    if (!debit.ok) return debit;
    if (!(await gifts.takeStock(tx, gift.id))) return fail('GIFT_OUT_OF_STOCK');
    const voucher = await issueVoucher(tx, {
      merchantId,
      cardId: card.id,
      customerId: card.customerId,
      kind: 'gift',
      value: 0,
      options: [],
      label: gift.title,
      splittable: false,
      validFrom: null,
      validUntil: gift.valid_until,
      source: 'gift',
      giftId: gift.id,
      now: at,
    });
    if (!voucher.ok) return voucher;
    const awardId = newId('gaw');
    await gifts.insertAward(tx, {
      id: awardId,
      merchant_id: merchantId,
      gift_id: gift.id,
      card_id: card.id,
      customer_id: card.customerId,
      movement_id: debit.value.movementId,
      voucher_id: voucher.value.id,
      status: 'awarded',
      restored_at: null,
      created_at: at,
    });
    return ok({ awardId, voucher: voucher.value });
  });
  return result.ok
    ? ok({ awardId: result.value.awardId, voucher: voucherView(result.value.voucher, now) })
    : result;
}

/**
 * Undoes an award: the points come back onto the lots they were taken from, the stock gets its unit back,
 * the gift voucher is cancelled. Refused once restored (GIFT_ALREADY_RESTORED) or when the gift voucher
 * has been used (VOUCHER_ALREADY_USED).
 */
export async function restoreAward(
  deps: Deps,
  merchantId: string,
  awardId: string,
  principalId: string | null = null,
): Promise<Result<{ awardId: string; status: 'restored'; pointsRestored: number }>> {
  const at = deps.now().toISOString();
  return inRollbackableTransaction(deps, async (tx) => {
    const award = await gifts.findAward(tx, merchantId, awardId);
    if (!award) return fail('GIFT_AWARD_NOT_FOUND');
    if (award.status !== 'awarded') return fail('GIFT_ALREADY_RESTORED');
    await lockCard(tx, award.card_id);
    if (!(await gifts.markAwardRestored(tx, award.id, at))) return fail('GIFT_ALREADY_RESTORED');
    if (award.voucher_id !== null) {
      const voucher = await vouchers.findVoucherById(tx, award.voucher_id);
      if (voucher && voucher.status === 'used') {
        return fail('VOUCHER_ALREADY_USED', 'The gift voucher has been used; the award cannot be undone.');
      }
      if (voucher && voucher.status !== 'cancelled') {
        const state = { status: voucher.status, remaining: Number(voucher.remaining) };
        const cancelled = { status: 'cancelled' as const, remaining: state.remaining };
        if (!(await vouchers.updateVoucherState(tx, voucher.id, cancelled, state, at))) {
          return fail('VOUCHER_ALREADY_USED', 'The gift voucher changed; try again.');
        }
      }
    }
    await gifts.giveBackStock(tx, award.gift_id);
    const ctx = { merchantId, cardId: award.card_id, now: at, principalId, reason: `gift award ${award.id}` };
    const reversed = await reverseDebit(tx, ctx, award.movement_id);
    if (!reversed.ok) return reversed;
    return ok({ awardId: award.id, status: 'restored' as const, pointsRestored: reversed.value.points });
  });
}
