/**
 * Posting a sale: one transaction that locks the card, claims the receipt (unique per store), redeems
 * vouchers, earns points on what loyalty did not pay for, spends the points asked for, accumulates the
 * discount and rewards the tiers crossed. The answer is stored with the sale and replayed on a retry.
 */
import { detail, fail, ok, type ErrorDetail, type Failure, type Result } from '../../core/error-catalog.js';
import {
  computeEarning,
  stepsCrossed,
  validateSaleLines,
  type SaleLine,
  type SaleOperation,
} from '../../core/rules/index.js';
import { DuplicateError } from '../../db/errors.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import { pointsBalance, tierValue, type PointsBalance } from './balance.js';
import { hashBody } from './body-hash.js';
import { creditPoints, debitPoints } from './ledger-writer.js';
import { inTransactionResult, Rollback } from './result-transaction.js';
import { resolveCard, resolvePlace } from './sale-context.js';
import { redeemVouchersForSale } from './sale-vouchers.js';
import { applySaleWallet } from './sale-wallet.js';
import { rewardForcedSteps } from './step-rewards.js';

export interface SaleLineInput {
  operation: SaleOperation;
  itemCode?: string | undefined;
  itemLabel?: string | undefined;
  category?: number | null | undefined;
  categoryLabel?: string | undefined;
  brand?: string | undefined;
  amount: number;
  quantity: number;
  discountPercent?: number | undefined;
}

export interface VoucherUseInput {
  number: string;
  type?: string | undefined;
  value?: string | number | undefined;
  amount?: number | undefined;
}

export interface SaleInput {
  receipt: string;
  date: string;
  storeCode?: string | undefined;
  terminalCode?: string | undefined;
  seller?: string | undefined;
  cardNumber?: string | undefined;
  customerId?: string | undefined;
  lines: SaleLineInput[];
  payments?: { method: string; amount: number }[] | undefined;
  vouchers?: VoucherUseInput[] | undefined;
  redeemPoints?: number | undefined;
}

export interface SaleResult {
  saleId: string;
  receipt: string;
  cardNumber: string | null;
  pointsEarned: number;
  pointsRedeemed: number;
  discountEarnedMinor: number;
  unusedLines: { lineNo: number; reason: 'Not Use' }[];
  stepsReached: number[];
  vouchersGenerated: string[];
  vouchersUsed: { number: string; kind: string; deduction: number; remainder: number }[];
  balance: PointsBalance | null;
}

function toSaleLines(lines: readonly SaleLineInput[]): SaleLine[] {
  return lines.map((l, i) => ({
    lineNo: i + 1,
    operation: l.operation,
    ...(l.itemCode !== undefined ? { itemCode: l.itemCode } : {}),
    ...(l.itemLabel !== undefined ? { itemLabel: l.itemLabel } : {}),
    ...(l.category !== undefined ? { category: l.category } : {}),
    ...(l.categoryLabel !== undefined ? { categoryLabel: l.categoryLabel } : {}),
    ...(l.brand !== undefined ? { brand: l.brand } : {}),
    amount: l.amount,
    quantity: l.quantity,
    discountPercent: l.discountPercent ?? 0,
  }));
}

function checkLines(lines: SaleLine[], requireKnownItems: boolean): Failure | null {
  const valid = validateSaleLines(lines);
  if (!valid.ok) {
    const details: ErrorDetail[] = valid.issues.map((i) =>
      detail('INVALID_SALE_LINES', `lines.${i.lineNo - 1}`, `${i.reason}: ${i.message}`),
    );
    return fail('INVALID_SALE_LINES', undefined, details);
  }
  if (requireKnownItems) {
    const unknown = lines.filter((l) => l.operation === 'purchase' && !l.itemCode);
    if (unknown.length > 0) {
      return fail(
        'ITEM_UNKNOWN',
        'This program needs an item code on every purchase line.',
        unknown.map((l) => detail('ITEM_UNKNOWN', `lines.${l.lineNo - 1}.itemCode`)),
      );
    }
    const untyped = lines.filter(
      (l) => l.operation === 'purchase' && (l.category === undefined || l.category === null),
    );
    if (untyped.length > 0) {
      return fail(
        'ITEM_TYPE_UNKNOWN',
        'This program needs an item type (category 1 to 9) on every purchase line.',
        untyped.map((l) => detail('ITEM_TYPE_UNKNOWN', `lines.${l.lineNo - 1}.category`)),
      );
    }
  }
  return null;
}

/** The stored answer for a receipt already posted: replayed when the content is the same, else a 409. */
async function replay(
  deps: Deps,
  merchantId: string,
  storeId: string,
  receipt: string,
  hash: string,
): Promise<Result<{ status: 200; result: SaleResult }> | null> {
  const stored = await sales.findSaleByReceipt(deps.db, merchantId, storeId, receipt);
  if (!stored) return null;
  if (stored.body_hash !== hash) {
    return fail('SALE_ALREADY_SAVED', `Receipt ${receipt} is already saved with other content.`);
  }
  return ok({ status: 200, result: JSON.parse(stored.result) as SaleResult });
}

/**
 * Posts a sale. 201 with the result the first time; 200 with the same result when the same receipt comes
 * again with the same content; SALE_ALREADY_SAVED when it comes with other content.
 */
export async function postSale(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: SaleInput,
): Promise<Result<{ status: 200 | 201; result: SaleResult }>> {
  const hash = hashBody(input);
  const place = await resolvePlace(deps, caller, merchantId, input);
  if (!place.ok) return place;
  const { storeId, terminalId } = place.value;
  const seen = await replay(deps, merchantId, storeId, input.receipt, hash);
  if (seen) return seen;

  const who = await resolveCard(deps, merchantId, input);
  if (!who.ok) return who;
  const { card, customerId } = who.value;
  const program = await sales.loadLedgerProgram(deps.db, card?.programId ?? null);
  const lines = toSaleLines(input.lines);
  const bad = checkLines(lines, program.requireKnownItems);
  if (bad) return bad;
  const soldAt = new Date(input.date).toISOString();
  const redeem = input.redeemPoints ?? 0;
  if (redeem > 0 && !card) return fail('INSUFFICIENT_POINTS', 'The sale has no card to take points from.');
  const vouchers = input.vouchers ?? [];

  try {
    return await inTransactionResult(deps, async (tx) => {
      const now = deps.now().toISOString();
      if (card) await lockCard(tx, card.id, now);
      const saleId = newId('sale');
      const purchases = lines.filter((l) => l.operation === 'purchase').reduce((s, l) => s + l.amount, 0);
      const basisBefore = card ? await tierValue(tx, card, program.tiers.type, now) : 0;
      await sales.insertSale(tx, {
        id: saleId,
        merchant_id: merchantId,
        store_id: storeId,
        terminal_id: terminalId,
        seller: input.seller ?? null,
        receipt: input.receipt,
        card_id: card?.id ?? null,
        customer_id: customerId,
        sold_at: soldAt,
        total_minor: purchases,
        eligible_minor: purchases,
        body_hash: hash,
        lines: JSON.stringify(lines),
        payments: JSON.stringify({ payments: input.payments ?? [], vouchers }),
        result: '{}',
        status: 'posted',
        earned_points: 0,
        redeemed_points: 0,
        reversed_points: 0,
        returned_minor: 0,
        created_at: now,
      });

      let amountDeduction = 0;
      let vouchersUsed: SaleResult['vouchersUsed'] = [];
      if (vouchers.length > 0) {
        const used = await redeemVouchersForSale(tx, {
          merchantId,
          cardId: card?.id ?? null,
          customerId,
          saleId,
          now,
          uses: vouchers.map((v) => ({
            number: v.number,
            ...(v.type !== undefined ? { type: v.type } : {}),
            ...(v.value !== undefined ? { value: v.value } : {}),
            ...(v.amount !== undefined ? { amount: v.amount } : {}),
          })),
        });
        if (!used.ok) throw new Rollback(used);
        amountDeduction = used.value.amountDeduction;
        vouchersUsed = used.value.vouchers;
      }
      const earning = computeEarning(program.rules, lines, amountDeduction);
      const earnsPoints = program.cardType !== 'discount';
      const pointsEarned = card && earnsPoints ? earning.points : 0;
      const ctx = card
        ? { merchantId, cardId: card.id, now, saleId, storeId, terminalId, principalId: caller.principalId }
        : null;
      if (ctx && redeem > 0) {
        const debit = await debitPoints(tx, ctx, redeem, 'redeem');
        if (!debit.ok) throw new Rollback(debit);
      }
      const wallet = await applySaleWallet(tx, ctx, lines, program.walletEnabled);
      if (!wallet.ok) throw new Rollback(wallet);
      if (ctx && pointsEarned > 0) {
        await creditPoints(tx, ctx, pointsEarned, {
          pendingDays: program.pendingDays,
          expiry: program.expiry,
        });
      }
      let discountEarnedMinor = 0;
      if (card && program.cardType !== 'bonus' && program.discountBasisPoints > 0) {
        const eligible = Math.max(0, purchases - amountDeduction);
        discountEarnedMinor = Math.floor((eligible * program.discountBasisPoints) / 10_000);
        await sales.addCardDiscount(tx, card.id, discountEarnedMinor);
      }
      let stepsReached: number[] = [];
      let vouchersGenerated: string[] = [];
      if (card && program.id !== null && program.tiers.steps.length > 0) {
        const basisAfter = await tierValue(tx, card, program.tiers.type, now);
        // Most sales cross no step: the rewards (another program read, the rewarded steps) are looked at
        // only when one is crossed.
        const crossed = stepsCrossed(program.tiers, basisBefore, basisAfter).length > 0;
        const steps = crossed
          ? await rewardForcedSteps(tx, {
              merchantId,
              programId: program.id,
              cardId: card.id,
              customerId,
              before: basisBefore,
              after: basisAfter,
              now,
            })
          : { stepsReached: [], vouchers: [] };
        stepsReached = steps.stepsReached;
        vouchersGenerated = steps.vouchers;
      }
      const result: SaleResult = {
        saleId,
        receipt: input.receipt,
        cardNumber: card?.number ?? null,
        pointsEarned,
        pointsRedeemed: ctx ? redeem : 0,
        discountEarnedMinor,
        unusedLines: earning.unusedLines.map((lineNo) => ({ lineNo, reason: 'Not Use' as const })),
        stepsReached,
        vouchersGenerated,
        vouchersUsed,
        balance: card ? await pointsBalance(tx, card, now) : null,
      };
      await sales.saveSaleResult(tx, saleId, {
        result: JSON.stringify(result),
        earned_points: pointsEarned,
        redeemed_points: result.pointsRedeemed,
        eligible_minor: Math.max(0, purchases - amountDeduction),
      });
      return { status: 201 as const, result };
    });
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const again = await replay(deps, merchantId, storeId, input.receipt, hash);
    if (again) return again;
    throw error;
  }
}
