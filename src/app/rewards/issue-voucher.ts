/** Issuing a voucher (by hand, for a step or a gift) inside the caller's transaction. */
import { randomInt } from 'node:crypto';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { validateVoucher } from '../../core/rewards/index.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import type { Tx } from '../../db/transaction.js';
import { newId } from '../ids.js';
import { toCoreVoucher, type VoucherKind, type VoucherOption } from './voucher-view.js';
import { enqueueOutbox } from '../messaging/enqueue.js';

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
  source: 'manual' | 'step' | 'gift' | 'demo' | 'birthday';
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
  await enqueueOutbox(tx, input.now, {
    merchantId: input.merchantId,
    channel: 'webhook',
    event: 'voucher.issued',
    data: {
      voucherNumber: number,
      kind: row.kind,
      value: row.value,
      cardId: row.card_id,
      customerId: row.customer_id,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      source: row.source,
    },
  });
  return ok((await repo.findVoucherById(tx, row.id))!);
}
