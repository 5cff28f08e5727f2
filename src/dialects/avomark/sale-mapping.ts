/** The Avomark ticket (POST /api/v1/cards/{number}/sales) ↔ the engine's sale input and result. */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { SaleInput, SaleLineInput, VoucherUseInput } from '../../app/sales/post-sale.js';
import { operationFromAvomarkId } from './operations.js';
import { AvomarkError } from './errors.js';
import { toMajor, toMinor } from './money.js';
import type { TicketOutcome } from './post-ticket.js';

const CodeLabel = Type.Object(
  {
    code: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    label: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: true },
);

const Purchase = Type.Object(
  {
    operation: Type.Object({ id: Type.Integer() }, { additionalProperties: true }),
    amount: Type.Number({ description: 'Amount of the line, tax included, in major units (e.g. 2290.50)' }),
    quantity: Type.Optional(Type.Number()),
    percentageDiscount: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    item: Type.Optional(Type.Union([CodeLabel, Type.Null()])),
    itemType: Type.Optional(Type.Union([CodeLabel, Type.Null()])),
  },
  { additionalProperties: true },
);

const VoucherObject = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 64 }),
    type: Type.Optional(Type.String({ maxLength: 32 })),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Number()])),
    amount: Type.Optional(Type.Number()),
  },
  { additionalProperties: true },
);

export const AvomarkTicket = Type.Object(
  {
    receipt: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    date: Type.String({ format: 'date-time', description: 'RFC 3339' }),
    purchases: Type.Array(Purchase, { minItems: 1, maxItems: 1000 }),
    voucherUsed: Type.Optional(
      Type.Array(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), VoucherObject]), {
        maxItems: 50,
      }),
    ),
  },
  { additionalProperties: true },
);
export type AvomarkTicket = Static<typeof AvomarkTicket>;

export const AvomarkSaleResult = Type.Object({
  id: Type.String(),
  receipt: Type.String(),
  card: Type.Union([Type.String(), Type.Null()]),
  pointsEarned: Type.Integer(),
  discountEarned: Type.Number(),
  stepsReached: Type.Array(Type.Integer()),
  vouchersGenerated: Type.Array(Type.String()),
  vouchersUsed: Type.Array(
    Type.Object({
      number: Type.String(),
      type: Type.String(),
      deduction: Type.Number({ description: 'Major units taken off the purchases' }),
      remainder: Type.Number(),
    }),
  ),
  unusedPurchases: Type.Array(Type.Integer({ description: '0-based index of a purchase no rule used' })),
  pointsReversed: Type.Integer({
    description: 'Points taken back by the returned items (operation 13) of the ticket',
  }),
  balance: Type.Union([Type.Object({ value: Type.Integer(), pending: Type.Integer() }), Type.Null()]),
});
export type AvomarkSaleResult = Static<typeof AvomarkSaleResult>;

/** Avomark's French voucher type names, and the engine's. */
const VOUCHER_TYPES: Record<string, string> = {
  montant: 'amount',
  amount: 'amount',
  pourcentage: 'percentage',
  percentage: 'percentage',
  cadeau: 'gift',
  gift: 'gift',
};

function toVoucherUse(v: Static<typeof VoucherObject> | string, index: number): VoucherUseInput {
  if (typeof v === 'string') return { number: v };
  const type = v.type === undefined ? undefined : (VOUCHER_TYPES[v.type.toLowerCase()] ?? v.type);
  let value: string | number | undefined = v.value;
  if (type === 'amount' && value !== undefined) {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new AvomarkError(454, 'VOUCHER_CHOICE_VALUE_INVALID');
    value = toMinor(n, `voucherUsed[${index}].value`);
  }
  return {
    number: v.number,
    ...(type !== undefined ? { type } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(v.amount !== undefined ? { amount: toMinor(v.amount, `voucherUsed[${index}].amount`) } : {}),
  };
}

function toLine(p: Static<typeof Purchase>, index: number): SaleLineInput {
  const operation = operationFromAvomarkId(p.operation.id);
  if (operation === null) {
    throw new AvomarkError(
      0,
      'VALIDATION_FAILED',
      `purchases[${index}].operation.id ${p.operation.id} is not a known operation.`,
    );
  }
  const typeCode = p.itemType?.code?.trim();
  const line: SaleLineInput = {
    operation,
    amount: toMinor(p.amount, `purchases[${index}].amount`),
    quantity: p.quantity ?? 1,
    discountPercent: p.percentageDiscount ?? 0,
  };
  if (p.item?.code) line.itemCode = p.item.code;
  if (p.item?.label) line.itemLabel = p.item.label;
  if (p.itemType?.label) line.typeLabel = p.itemType.label;
  // Earning rules and promotions select on item attributes: the ticket's item code and item type code (the
  // API defines no brand, hierarchy or coupons on a ticket). A numeric item type 1..9 is the type "1".."9"
  // that a program's rule on a category selects.
  const code = p.item?.code?.trim();
  if (code || typeCode)
    line.attributes = { ...(code ? { code } : {}), ...(typeCode ? { type: typeCode } : {}) };
  return line;
}

/**
 * A ticket without a receipt gets one derived from its content, so that a till resending the same ticket
 * (the guide's advice after a failure) still posts it once.
 */
function receiptOf(ticket: AvomarkTicket, cardNumber: string): string {
  if (ticket.receipt !== undefined) return ticket.receipt;
  const digest = createHash('sha256')
    .update(JSON.stringify([cardNumber, ticket.date, ticket.purchases, ticket.voucherUsed ?? []]))
    .digest('hex');
  return `avomark-${digest.slice(0, 32)}`;
}

export function toSaleInput(ticket: AvomarkTicket, cardNumber: string): SaleInput {
  const vouchers = (ticket.voucherUsed ?? []).map(toVoucherUse);
  return {
    receipt: receiptOf(ticket, cardNumber),
    date: ticket.date,
    cardNumber,
    lines: ticket.purchases.map(toLine),
    ...(vouchers.length > 0 ? { vouchers } : {}),
  };
}

/** The answer to a ticket: its sale (if it had purchases) and its returns (operation 13 lines). */
export function toAvomarkSaleResult(
  outcome: TicketOutcome,
  receipt: string,
  card: string,
): AvomarkSaleResult {
  const result = outcome.sale;
  const lastReturn = outcome.returns.at(-1);
  const balance = lastReturn ? lastReturn.balance : (result?.balance ?? null);
  return {
    id: result?.saleId ?? lastReturn?.returnId ?? '',
    receipt: result?.receipt ?? receipt,
    card: result?.cardNumber ?? card,
    pointsEarned: result?.pointsEarned ?? 0,
    discountEarned: toMajor(result?.discountEarnedMinor ?? 0),
    stepsReached: result?.stepsReached ?? [],
    vouchersGenerated: result?.vouchersGenerated ?? [],
    vouchersUsed: (result?.vouchersUsed ?? []).map((v) => ({
      number: v.number,
      type: v.kind,
      deduction: toMajor(v.deduction),
      remainder: v.kind === 'amount' ? toMajor(v.remainder) : v.remainder,
    })),
    unusedPurchases: (result?.unusedLines ?? []).map(
      (l) => outcome.saleLineOrigin[l.lineNo - 1] ?? l.lineNo - 1,
    ),
    pointsReversed: outcome.returns.reduce((sum, r) => sum + r.pointsReversed, 0),
    balance: balance ? { value: balance.active, pending: balance.pending } : null,
  };
}
