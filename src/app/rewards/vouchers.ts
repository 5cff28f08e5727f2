/**
 * Vouchers as records: creating one by hand, reading, listing and cancelling. The mapping to the core
 * model is in voucher-view.ts, issuing (also by a step or a gift) in issue-voucher.ts, redemption inside a
 * sale in sale-vouchers.ts.
 */
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Failure, type Result } from '../../core/error-catalog.js';
import {
  cancelVoucher as cancelCore,
  voucherStatusAt,
  type VoucherStatus,
} from '../../core/rewards/index.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import { isDuplicate } from '../../db/errors.js';
import type { Deps } from '../context.js';
import { issueVoucher } from './issue-voucher.js';
import { inRollbackableTransaction } from '../result-transaction.js';
import {
  toCoreVoucher,
  voucherView,
  type VoucherKind,
  type VoucherOption,
  type VoucherView,
} from './voucher-view.js';

export interface CreateVoucherInput {
  number?: string | undefined;
  cardNumber?: string | undefined;
  customerId?: string | undefined;
  kind: VoucherKind;
  value?: number | undefined;
  options?: VoucherOption[] | undefined;
  label?: string | undefined;
  splittable?: boolean | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

function isoOrNull(value: string | undefined): string | null | Failure {
  if (value === undefined) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return fail('VALIDATION_FAILED', `${value} is not an RFC 3339 date-time.`);
  return new Date(time).toISOString();
}

/** An administrator's voucher: for a card, a customer, or the bearer (neither). */
export async function createVoucher(
  deps: Deps,
  merchantId: string,
  input: CreateVoucherInput,
): Promise<Result<VoucherView>> {
  const validFrom = isoOrNull(input.validFrom);
  if (validFrom !== null && typeof validFrom === 'object') return validFrom;
  const validUntil = isoOrNull(input.validUntil);
  if (validUntil !== null && typeof validUntil === 'object') return validUntil;
  const now = deps.now();
  try {
    const issued = await inRollbackableTransaction(deps, async (tx) => {
      let cardId: string | null = null;
      let customerId: string | null = input.customerId ?? null;
      if (input.cardNumber !== undefined) {
        const card = await findCardByNumber(tx, merchantId, input.cardNumber);
        if (!card) return fail('CARD_NOT_FOUND');
        if (customerId !== null && card.customerId !== customerId) {
          return fail('CARD_BOUND_TO_ANOTHER_CUSTOMER', 'The card is not bound to this customer.');
        }
        cardId = card.id;
        customerId = card.customerId;
      } else if (customerId !== null) {
        if (!(await customerExists(tx, merchantId, customerId))) return fail('CUSTOMER_NOT_FOUND');
      }
      return issueVoucher(tx, {
        merchantId,
        number: input.number,
        cardId,
        customerId,
        kind: input.kind,
        value: input.value ?? 0,
        options: input.options ?? [],
        label: input.label ?? null,
        splittable: input.splittable ?? false,
        validFrom,
        validUntil,
        source: 'manual',
        now: now.toISOString(),
      });
    });
    return issued.ok ? ok(voucherView(issued.value, now)) : issued;
  } catch (error) {
    if (isDuplicate(error)) return fail('VOUCHER_NUMBER_TAKEN');
    throw error;
  }
}

export async function getVoucher(
  deps: Deps,
  merchantId: string,
  number: string,
): Promise<Result<VoucherView>> {
  const row = await repo.findVoucherByNumber(deps.db, merchantId, number);
  return row ? ok(voucherView(row, deps.now())) : fail('VOUCHER_NOT_FOUND');
}

export async function listVouchers(
  deps: Deps,
  merchantId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    cardNumber?: string | undefined;
    status?: VoucherStatus;
  },
): Promise<Result<{ data: VoucherView[]; nextCursor: string | null }>> {
  let after: string | undefined;
  if (query.cursor) {
    after = decodeCursor(query.cursor);
    if (!after) return fail('INVALID_CURSOR');
  }
  let cardId: string | undefined;
  if (query.cardNumber !== undefined) {
    const card = await findCardByNumber(deps.db, merchantId, query.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    cardId = card.id;
  }
  const now = deps.now();
  const rows = await repo.listVouchers(deps.db, merchantId, {
    cardId,
    status: query.status,
    now: now.toISOString(),
    after,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return ok({
    data: page.map((row) => voucherView(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  });
}

/** Cancels an active voucher with one conditional write. */
export async function cancelVoucherByNumber(
  deps: Deps,
  merchantId: string,
  number: string,
): Promise<Result<VoucherView>> {
  const now = deps.now();
  return inRollbackableTransaction(deps, async (tx) => {
    const row = await repo.findVoucherByNumber(tx, merchantId, number);
    if (!row) return fail('VOUCHER_NOT_FOUND');
    const voucher = toCoreVoucher(row);
    if (voucher.status === 'cancelled') return fail('VOUCHER_CANCELLED');
    if (voucherStatusAt(voucher, now.getTime()) === 'expired') return fail('VOUCHER_EXPIRED');
    const cancelled = cancelCore(voucher);
    if (!cancelled.ok) return fail(voucher.status === 'used' ? 'VOUCHER_ALREADY_USED' : 'VOUCHER_NOT_ACTIVE');
    const expected = { status: row.status, remaining: Number(row.remaining) };
    const next = { status: 'cancelled' as const, remaining: Number(row.remaining) };
    if (!(await repo.updateVoucherState(tx, row.id, next, expected, now.toISOString()))) {
      return fail('VOUCHER_NOT_ACTIVE', 'The voucher changed while it was being cancelled; read it again.');
    }
    return ok(voucherView((await repo.findVoucherById(tx, row.id))!, now));
  });
}
