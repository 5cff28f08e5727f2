/**
 * Vouchers as records: mapping between rows and the pure core model, issuing (by an administrator, a
 * step or a gift), reading, listing and cancelling. Redemption inside a sale is in sale-vouchers.ts.
 */
import { randomInt } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Failure, type Result } from '../../core/error-catalog.js';
import {
  cancelVoucher as cancelCore,
  validateVoucher,
  voucherStatusAt,
  type ChoiceType,
  type Voucher,
  type VoucherChoice,
  type VoucherStatus,
} from '../../core/rewards/index.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import { isDuplicate } from '../../db/errors.js';
import { inTransaction, type Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export type VoucherKind = Voucher['kind'];
export const VOUCHER_KINDS: readonly VoucherKind[] = ['amount', 'percentage', 'gift', 'choices'];

/** A choices voucher's option as stored and shown: value in minor units, percent, or a gift id. */
export interface VoucherOption {
  type: ChoiceType;
  value: number | string;
  label?: string;
  moneyValue?: number | null;
}

export interface VoucherView {
  id: string;
  number: string;
  kind: VoucherKind;
  /** Minor units (amount), percent (percentage), money value in minor units (gift), 0 (choices). */
  value: number;
  remaining: number;
  splittable: boolean;
  options: VoucherOption[];
  label: string | null;
  status: VoucherStatus;
  validFrom: string | null;
  validUntil: string | null;
  cardNumber: string | null;
  customerId: string | null;
  source: string;
  stepIndex: number | null;
  giftId: string | null;
  createdAt: string;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export function parseOptions(text: string): VoucherOption[] {
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? (parsed as VoucherOption[]) : [];
}

/** The pure model of a stored voucher (`chosen`: the option a use took, for a restore). */
export function toCoreVoucher(row: repo.VoucherRow, chosen?: VoucherChoice): Voucher {
  const common = {
    number: row.number,
    status: row.status as VoucherStatus,
    validFrom: ms(row.valid_from),
    validUntil: ms(row.valid_until),
  };
  const value = Number(row.value);
  switch (row.kind as VoucherKind) {
    case 'amount':
      return {
        ...common,
        kind: 'amount',
        value,
        splittable: row.splittable === 1,
        remaining: Number(row.remaining),
      };
    case 'percentage':
      return { ...common, kind: 'percentage', percent: value };
    case 'gift':
      return { ...common, kind: 'gift', giftId: row.gift_id, label: row.label ?? '', moneyValue: value };
    case 'choices':
      return {
        ...common,
        kind: 'choices',
        options: parseOptions(row.options).map(toChoice),
        ...(chosen ? { chosen } : {}),
      };
    default:
      throw new Error(`voucher ${row.id} has an unknown kind ${row.kind}`);
  }
}

export function toChoice(option: VoucherOption): VoucherChoice {
  if (option.type === 'gift') {
    return { type: 'gift', value: String(option.value), moneyValue: option.moneyValue ?? null };
  }
  return { type: option.type, value: Number(option.value) };
}

export function voucherView(row: repo.VoucherRow, now: Date): VoucherView {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as VoucherKind,
    value: Number(row.value),
    remaining: Number(row.remaining),
    splittable: row.splittable === 1,
    options: parseOptions(row.options),
    label: row.label,
    status: voucherStatusAt(toCoreVoucher(row), now.getTime()),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    cardNumber: row.card_number,
    customerId: row.customer_id,
    source: row.source,
    stepIndex: row.step_index === null ? null : Number(row.step_index),
    giftId: row.gift_id,
    createdAt: row.created_at,
  };
}

/** A failure that must undo the whole transaction: thrown inside, turned back into a value outside. */
class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/** Runs fn in one transaction; a failed result rolls everything back and is returned as the value. */
export async function inTransactionResult<T>(
  deps: Deps,
  fn: (tx: Tx) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
}

export interface IssueInput {
  merchantId: string;
  /** Given by the caller, or generated (10 digits) when absent. */
  number?: string | undefined;
  cardId: string | null;
  customerId: string | null;
  kind: VoucherKind;
  value: number;
  options: VoucherOption[];
  label: string | null;
  splittable: boolean;
  validFrom: string | null;
  validUntil: string | null;
  source: 'manual' | 'step' | 'gift' | 'demo';
  stepIndex?: number | null;
  giftId?: string | null;
  now: string;
}

const generatedNumber = () => String(randomInt(1_000_000_000, 10_000_000_000));

/** Validates and inserts a voucher in the caller's transaction. */
export async function issueVoucher(tx: Tx, input: IssueInput): Promise<Result<repo.VoucherRow>> {
  let number = input.number;
  if (number === undefined) {
    for (let i = 0; i < 10 && number === undefined; i++) {
      const candidate = generatedNumber();
      if (!(await repo.voucherNumberExists(tx, input.merchantId, candidate))) number = candidate;
    }
    if (number === undefined) throw new Error('could not generate a free voucher number');
  } else if (await repo.voucherNumberExists(tx, input.merchantId, number)) {
    return fail('VOUCHER_NUMBER_TAKEN', `A voucher numbered ${number} already exists.`);
  }
  const row: repo.VoucherRow = {
    id: newId('vch'),
    merchant_id: input.merchantId,
    number,
    card_id: input.cardId,
    customer_id: input.customerId,
    kind: input.kind,
    value: input.kind === 'choices' ? 0 : input.value,
    remaining: input.kind === 'amount' ? input.value : 0,
    splittable: input.kind === 'amount' && input.splittable ? 1 : 0,
    options: JSON.stringify(input.kind === 'choices' ? input.options : []),
    label: input.label,
    status: 'active',
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    source: input.source,
    step_index: input.stepIndex ?? null,
    gift_id: input.giftId ?? null,
    created_at: input.now,
    updated_at: input.now,
    card_number: null,
  };
  const checked = validateVoucher(toCoreVoucher(row));
  if (!checked.ok) {
    return fail(
      'VOUCHER_INVALID',
      checked.issues.map((i) => `${i.field}: ${i.message}`).join(' '),
      checked.issues.map((i) => ({ field: i.field, code: 'VOUCHER_INVALID', message: i.message })),
    );
  }
  const { card_number: _cardNumber, ...values } = row;
  await repo.insertVoucher(tx, values);
  return ok((await repo.findVoucherById(tx, row.id))!);
}

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
    const issued = await inTransactionResult(deps, async (tx) => {
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
        const customer = await tx
          .selectFrom('customers')
          .select('id')
          .where('merchant_id', '=', merchantId)
          .where('id', '=', customerId)
          .executeTakeFirst();
        if (!customer) return fail('CUSTOMER_NOT_FOUND');
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
  query: { limit: number; cursor?: string | undefined; cardNumber?: string | undefined; status?: string },
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
  return inTransactionResult(deps, async (tx) => {
    const row = await repo.findVoucherByNumber(tx, merchantId, number);
    if (!row) return fail('VOUCHER_NOT_FOUND');
    const voucher = toCoreVoucher(row);
    if (voucher.status === 'cancelled') return fail('VOUCHER_CANCELLED');
    if (voucherStatusAt(voucher, now.getTime()) === 'expired') return fail('VOUCHER_EXPIRED');
    const cancelled = cancelCore(voucher);
    if (!cancelled.ok) return fail(voucher.status === 'used' ? 'VOUCHER_ALREADY_USED' : 'VOUCHER_NOT_ACTIVE');
    const expected = { status: row.status, remaining: Number(row.remaining) };
    const next = { status: 'cancelled', remaining: Number(row.remaining) };
    if (!(await repo.updateVoucherState(tx, row.id, next, expected, now.toISOString()))) {
      return fail('VOUCHER_NOT_ACTIVE', 'The voucher changed while it was being cancelled; read it again.');
    }
    return ok(voucherView((await repo.findVoucherById(tx, row.id))!, now));
  });
}
