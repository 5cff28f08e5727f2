/**
 * Vouchers between their rows, the pure core model and the view answered to callers (with the status at
 * a given time).
 */
import {
  voucherStatusAt,
  type ChoiceType,
  type Voucher,
  type VoucherChoice,
  type VoucherStatus,
} from '../../core/rewards/index.js';
import type { VoucherRow } from '../../db/repos/vouchers.repo.js';

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
export function toCoreVoucher(row: VoucherRow, chosen?: VoucherChoice): Voucher {
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

export function voucherView(row: VoucherRow, now: Date): VoucherView {
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
