/**
 * Posting a sale: one transaction that locks the card and reads what the sale needs (loadSaleContext),
 * plans the sale in the core (planSale: vouchers, points spent and earned, wallet, discount, steps) and writes
 * the plan (commitSale). The plan is stored with the sale; the answer and its replays are views of it.
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import type { ChoiceType } from '../../core/rewards/index.js';
import { foldCategory, type SaleLine, type SaleOperation } from '../../core/rules/index.js';
import { planSale, type SaleRequest } from '../../core/sales/plan-sale.js';
import { parseStoredSalePlan, type StoredSalePlan } from '../../core/sales/stored-sale.js';
import { DuplicateError } from '../../db/errors.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { saleEvents } from './sale-events.js';
import { loadSalePromotions, promotionsView } from '../promotions/sale-promotions.js';
import { commitSale } from './commit-sale.js';
import { payGodfather } from './sponsor-reward.js';
import { loadSaleContext, type SaleOwner } from './load-sale-context.js';
import type { PointsBalance } from '../ledger/balance.js';
import { hashBody } from './body-hash.js';
import { resolvePlace } from './sale-context.js';

export interface SaleLineInput {
  operation: SaleOperation;
  itemCode?: string | undefined;
  itemLabel?: string | undefined;
  /** Legacy /v1 field: the type attribute (core/rules/legacy-category.ts). */
  category?: number | null | undefined;
  /** Legacy /v1 field: the type label. */
  categoryLabel?: string | undefined;
  typeLabel?: string | undefined;
  brand?: string | undefined;
  amount: number;
  quantity: number;
  discountPercent?: number | undefined;
  unitPrice?: number | undefined;
  attributes?: SaleLine['attributes'] | undefined;
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
  /** Barcodes of coupons presented, for the promotions of the active map. */
  coupons?: string[] | undefined;
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
  promotions?: ReturnType<typeof promotionsView>;
}

function toSaleLines(lines: readonly SaleLineInput[]): SaleLine[] {
  return lines.map((l, i) => ({
    lineNo: i + 1,
    operation: l.operation,
    ...(l.itemCode !== undefined ? { itemCode: l.itemCode } : {}),
    ...(l.itemLabel !== undefined ? { itemLabel: l.itemLabel } : {}),
    ...(l.brand !== undefined ? { brand: l.brand } : {}),
    amount: l.amount,
    quantity: l.quantity,
    discountPercent: l.discountPercent ?? 0,
    ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
    ...foldCategory(l),
  }));
}

/** The answer to a sale: a view of its stored plan (or, for a sale posted before plans were kept, its answer). */
export function saleResultView(row: {
  id: string;
  receipt: string;
  plan: string | null;
  result: string;
}): SaleResult {
  const plan = parseStoredSalePlan(row.plan);
  if (!plan) return JSON.parse(row.result) as SaleResult;
  return planResultView(row.id, row.receipt, plan);
}

/** The answer to a sale as a view of its plan (as stored). */
export function planResultView(saleId: string, receipt: string, plan: StoredSalePlan): SaleResult {
  return {
    saleId,
    receipt,
    cardNumber: plan.cardNumber,
    pointsEarned: plan.pointsEarned,
    pointsRedeemed: plan.pointsRedeemed,
    discountEarnedMinor: plan.discountEarnedMinor,
    unusedLines: plan.unusedLines.map((lineNo) => ({ lineNo, reason: 'Not Use' as const })),
    stepsReached: plan.stepsReached,
    vouchersGenerated: plan.vouchersGenerated,
    vouchersUsed: plan.vouchersUsed,
    balance: plan.balanceAfter,
    ...(plan.promotions ? { promotions: promotionsView(plan.promotions) } : {}),
  };
}

/**
 * How a caller fingerprints a sale for idempotency, when not by its input: a dialect hashes the body as it
 * received it (`bodyHash`), and names the fingerprints earlier versions stored for that same body (`sameAs`).
 */
export interface SaleFingerprint {
  bodyHash: string;
  sameAs?: readonly string[];
}

/**
 * The stored answer for a receipt already posted: replayed when the content is the same, else a 409. `known`
 * is the stored sale when the caller read it already (null: none), undefined to read it here.
 */
async function replay(
  deps: Deps,
  merchantId: string,
  storeId: string,
  receipt: string,
  hash: SaleFingerprint,
  known?: sales.StoredSaleRef | null,
): Promise<Result<{ status: 200; result: SaleResult }> | null> {
  const stored =
    known !== undefined ? known : await sales.findSaleByReceipt(deps.db, merchantId, storeId, receipt);
  if (!stored) return null;
  if (stored.body_hash !== hash.bodyHash && !hash.sameAs?.includes(stored.body_hash)) {
    return fail('SALE_ALREADY_SAVED', `Receipt ${receipt} is already saved with other content.`);
  }
  return ok({ status: 200, result: saleResultView(stored) });
}

/**
 * The card (by number: found, checked against the customer named and locked in the transaction) or the
 * customer the sale is for.
 */
async function saleOwner(
  deps: Deps,
  merchantId: string,
  input: { cardNumber?: string | undefined; customerId?: string | undefined },
): Promise<Result<SaleOwner>> {
  if (input.cardNumber !== undefined) {
    return ok({
      cardNumber: input.cardNumber,
      ...(input.customerId !== undefined ? { customerId: input.customerId } : {}),
    });
  }
  if (input.customerId !== undefined) {
    if (!(await customerExists(deps.db, merchantId, input.customerId))) return fail('CUSTOMER_NOT_FOUND');
    return ok({ customerId: input.customerId });
  }
  return fail('VALIDATION_FAILED', 'Give cardNumber or customerId.', [
    detail('VALIDATION_FAILED', 'cardNumber', 'cardNumber or customerId is required'),
  ]);
}

/**
 * Posts a sale: load (the card locked and read under its lock) → plan (pure) → commit, in one transaction.
 * 201 with the result the first time; 200 with the same result when the same receipt comes again with the
 * same content; SALE_ALREADY_SAVED when it comes with other content.
 */
export async function postSale(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: SaleInput,
  fingerprint?: SaleFingerprint,
): Promise<Result<{ status: 200 | 201; result: SaleResult }>> {
  const hash = fingerprint ?? { bodyHash: hashBody(input) };
  const place = await resolvePlace(deps, caller, merchantId, input);
  if (!place.ok) return place;
  const { storeId, terminalId } = place.value;
  const seen = await replay(deps, merchantId, storeId, input.receipt, hash, place.value.stored);
  if (seen) return seen;
  const owner = await saleOwner(deps, merchantId, input);
  if (!owner.ok) return owner;
  const soldAt = new Date(input.date).toISOString();
  const vouchers = input.vouchers ?? [];
  const request: SaleRequest = {
    receipt: input.receipt,
    soldAt,
    lines: toSaleLines(input.lines),
    vouchers: vouchers.map((v) => ({
      number: v.number,
      ...(v.type !== undefined ? { type: v.type as ChoiceType } : {}),
      ...(v.value !== undefined ? { value: v.value } : {}),
      ...(v.amount !== undefined ? { amount: v.amount } : {}),
    })),
    redeemPoints: input.redeemPoints ?? 0,
  };
  try {
    return await withUnitOfWork(deps, async ({ tx, now, enqueue }) => {
      const context = await loadSaleContext(tx, {
        merchantId,
        owner: owner.value,
        voucherNumbers: vouchers.map((v) => v.number),
        redeemPoints: request.redeemPoints,
        now,
      });
      if (!context.ok) return context;
      const promotions = await loadSalePromotions(tx, merchantId, place.value, {
        date: input.date,
        customerId: context.value.customerId,
        coupons: input.coupons ?? [],
        payments: (input.payments ?? []).map((p) => ({ type: p.method, amount: p.amount })),
        now,
      });
      if (!promotions.ok) return promotions;
      const plan = planSale({ ...context.value, promotions: promotions.value }, request, now, {
        earnLot: newId('lot'),
      });
      if (!plan.ok) return plan;
      const saleId = newId('sale');
      const stored = await commitSale(
        tx,
        { ...context.value, promotions: promotions.value },
        plan.value,
        {
          saleId,
          merchantId,
          storeId,
          terminalId,
          principalId: caller.principalId,
          seller: input.seller ?? null,
          receipt: input.receipt,
          soldAt,
          bodyHash: hash.bodyHash,
          payments: { payments: input.payments ?? [], vouchers },
        },
        now,
      );
      if (plan.value.sponsorReward) {
        await payGodfather(
          tx,
          plan.value.sponsorReward,
          { saleId, merchantId, storeId, terminalId },
          context.value.program,
          now,
        );
      }
      const result = planResultView(saleId, input.receipt, stored);
      await saleEvents(enqueue, merchantId, result, {
        receipt: input.receipt,
        soldAt,
        customerId: context.value.customerId ?? null,
      });
      return ok({ status: 201 as const, result });
    });
  } catch (error) {
    // Inside a caller's unit of work (postSales), the transaction is spoilt: the caller runs it again.
    if (!(error instanceof DuplicateError) || deps.unitOfWork) throw error;
    const again = await replay(deps, merchantId, storeId, input.receipt, hash);
    if (again) return again;
    throw error;
  }
}
