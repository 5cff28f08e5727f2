import { Type } from '@sinclair/typebox';
import { SALE_OPERATIONS } from '../../core/rules/index.js';
import { BOUNDS } from '../../core/bounds.js';
import { Nullable } from './common.js';
import { ItemAttributes } from './promotion.schema.js';

export const SaleLineInput = Type.Object(
  {
    operation: Type.Union(
      SALE_OPERATIONS.map((o) => Type.Literal(o)),
      { description: 'Operation: purchase, discount, credit, return... (dialects translate their codes)' },
    ),
    itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    itemLabel: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 9,
        description: 'Deprecated: the form before item attributes, read as attributes.type "1".."9"',
      }),
    ),
    categoryLabel: Type.Optional(
      Type.String({ maxLength: 100, description: 'Deprecated: read as typeLabel' }),
    ),
    typeLabel: Type.Optional(Type.String({ maxLength: 100, description: 'Label of the item type' })),
    brand: Type.Optional(Type.String({ maxLength: 100 })),
    amount: Type.Integer({
      minimum: -BOUNDS.lineAmountMinor,
      maximum: BOUNDS.lineAmountMinor,
      description: 'Line amount, minor units, tax included',
    }),
    quantity: Type.Number({
      exclusiveMinimum: 0,
      maximum: BOUNDS.quantity,
      description: `Positive, at most ${BOUNDS.quantityDecimals} decimals`,
    }),
    discountPercent: Type.Number({ minimum: 0, maximum: 100, default: 0 }),
    unitPrice: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: BOUNDS.lineAmountMinor,
        description: 'Minor units per unit (promotions)',
      }),
    ),
    attributes: Type.Optional(ItemAttributes),
  },
  {
    additionalProperties: false,
    description:
      'A sale line. Earning rules (attribute_subtotal, brand, items) and promotion sets select on its attributes.',
  },
);

export const SaleCreate = Type.Object(
  {
    receipt: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'External receipt id, unique per store',
    }),
    date: Type.String({ format: 'date-time', description: 'RFC 3339' }),
    storeCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "Default: the caller's terminal's store" }),
    ),
    terminalCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    seller: Type.Optional(Type.String({ maxLength: 100 })),
    cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    lines: Type.Array(SaleLineInput, { maxItems: 500 }),
    payments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            method: Type.String({ minLength: 1, maxLength: 40 }),
            amount: Type.Integer({ minimum: 0, maximum: BOUNDS.saleTotalMinor, description: 'Minor units' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    vouchers: Type.Optional(
      Type.Array(
        Type.Object(
          {
            number: Type.String({ minLength: 1, maxLength: 64 }),
            type: Type.Optional(Type.String({ maxLength: 20 })),
            value: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Number()])),
            amount: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: BOUNDS.saleTotalMinor,
                description: 'Minor units used from an amount voucher',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    redeemPoints: Type.Optional(
      Type.Integer({ minimum: 0, maximum: BOUNDS.pointsPerMovement, description: 'Points to spend' }),
    ),
    coupons: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 50,
        description: 'Barcodes of coupons presented (redeemed when a promotion of the active map uses them)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PointsBalance = Type.Object({
  active: Type.Integer(),
  pending: Type.Integer(),
  expired: Type.Integer(),
  frozen: Type.Integer(),
  nearestExpiry: Nullable(Type.Object({ amount: Type.Integer(), date: Type.String() })),
  discountMinor: Type.Integer(),
  walletMinor: Type.Integer({ description: "Money in the card's wallet, minor units" }),
});

export const SaleResult = Type.Object({
  saleId: Type.String(),
  receipt: Type.String(),
  cardNumber: Nullable(Type.String()),
  pointsEarned: Type.Integer(),
  pointsRedeemed: Type.Integer(),
  discountEarnedMinor: Type.Integer(),
  unusedLines: Type.Array(Type.Object({ lineNo: Type.Integer(), reason: Type.Literal('Not Use') })),
  stepsReached: Type.Array(Type.Integer()),
  vouchersGenerated: Type.Array(Type.String()),
  vouchersUsed: Type.Array(
    Type.Object({
      number: Type.String(),
      kind: Type.String(),
      deduction: Type.Integer(),
      remainder: Type.Integer(),
    }),
  ),
  balance: Nullable(PointsBalance),
  promotions: Type.Optional(
    Type.Object({
      mapVersion: Type.Integer(),
      totalDiscount: Type.Integer(),
      points: Type.Integer(),
      applied: Type.Array(
        Type.Object({
          nro: Type.String(),
          code: Type.String(),
          benefit: Type.String(),
          discount: Type.Integer(),
          points: Type.Integer(),
          lines: Type.Array(Type.Integer({ description: 'lineNo' })),
          couponsRedeemed: Type.Array(Type.String()),
          couponsIssued: Type.Array(Type.String()),
          messages: Type.Array(Type.String()),
        }),
      ),
      lineDiscounts: Type.Array(Type.Object({ lineNo: Type.Integer(), discount: Type.Integer() })),
    }),
  ),
});

export const SaleLine = Type.Object({
  lineNo: Type.Integer(),
  operation: Type.String(),
  itemCode: Type.Optional(Type.String()),
  itemLabel: Type.Optional(Type.String()),
  category: Type.Optional(
    Nullable(Type.Integer({ description: 'Deprecated: attributes.type when it is "1".."9"' })),
  ),
  categoryLabel: Type.Optional(Type.String({ description: 'Deprecated: typeLabel' })),
  typeLabel: Type.Optional(Type.String()),
  attributes: Type.Optional(ItemAttributes),
  brand: Type.Optional(Type.String()),
  amount: Type.Integer(),
  quantity: Type.Number(),
  discountPercent: Type.Number(),
});

export const Sale = Type.Object({
  id: Type.String(),
  receipt: Type.String(),
  storeId: Type.String(),
  terminalId: Nullable(Type.String()),
  seller: Nullable(Type.String()),
  cardId: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  date: Type.String(),
  totalMinor: Type.Integer(),
  status: Type.String({ description: 'posted | cancelled' }),
  earnedPoints: Type.Integer(),
  redeemedPoints: Type.Integer(),
  reversedPoints: Type.Integer(),
  returnedMinor: Type.Integer(),
  lines: Type.Array(SaleLine),
  createdAt: Type.String(),
});

export const SalePage = Type.Object({ data: Type.Array(Sale), nextCursor: Nullable(Type.String()) });

export const ReturnCreate = Type.Object(
  {
    receipt: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Receipt of the return, unique per sale',
    }),
    amount: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: BOUNDS.saleTotalMinor,
        description: 'Returned amount, minor units',
      }),
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            lineNo: Type.Integer({ minimum: 1 }),
            amount: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: BOUNDS.lineAmountMinor,
                description: 'Default: the whole line',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 500 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ReturnResult = Type.Object({
  returnId: Type.String(),
  saleId: Type.String(),
  receipt: Type.String(),
  amount: Type.Integer(),
  lines: Type.Array(Type.Object({ lineNo: Type.Integer(), amount: Type.Integer() }), {
    description: 'What the return took per purchase line (a return by amount is spread in proportion)',
  }),
  pointsReversed: Type.Integer(),
  deficit: Type.Integer(),
  waived: Type.Integer(),
  saleReturnedMinor: Type.Integer(),
  saleReversedPoints: Type.Integer(),
  promotions: Type.Optional(
    Type.Object(
      {
        discount: Type.Integer({
          description: 'Promotion discount of the returned lines: refund the returned amount less this',
        }),
        points: Type.Integer({ description: 'Promotion points taken back (part of pointsReversed)' }),
        limitsGivenBack: Type.Array(Type.Object({ limitId: Type.String(), amount: Type.Integer() })),
        couponsVoided: Type.Array(Type.String()),
        couponsRestored: Type.Array(Type.String()),
      },
      { description: 'What went back of the promotions the sale got (absent without an active map)' },
    ),
  ),
  balance: Nullable(PointsBalance),
});

export const CancelResult = Type.Object({
  saleId: Type.String(),
  status: Type.Literal('cancelled'),
  pointsReversed: Type.Integer(),
  pointsRestored: Type.Integer(),
  vouchersRestored: Type.Array(Type.String()),
  balance: Nullable(PointsBalance),
});

const Purchases = Type.Object({
  period: Type.Object({
    from: Type.String(),
    to: Type.String(),
    count: Type.Integer(),
    amount: Type.Integer(),
  }),
  cumulative: Type.Object({ count: Type.Integer(), amount: Type.Integer() }),
  firstDate: Nullable(Type.String()),
  lastDate: Nullable(Type.String()),
});

export const CardBalance = Type.Composite([
  Type.Object({
    cardNumber: Type.String(),
    cardStatus: Type.String(),
    customerId: Nullable(Type.String()),
    programId: Nullable(Type.String()),
  }),
  PointsBalance,
  Type.Object({
    purchases: Purchases,
    tier: Nullable(
      Type.Object({
        current: Nullable(Type.Integer()),
        next: Nullable(Type.Integer()),
        availables: Type.Array(Type.Integer()),
        type: Type.String(),
        value: Type.Integer(),
      }),
    ),
  }),
]);

export const CustomerBalances = Type.Object({ customerId: Type.String(), cards: Type.Array(CardBalance) });

export const Statement = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      kind: Type.String(),
      points: Type.Integer(),
      receipt: Nullable(Type.String()),
      storeCode: Nullable(Type.String()),
      terminalCode: Nullable(Type.String()),
      reason: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const LotPage = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      earnedAt: Type.String(),
      amount: Type.Integer({ description: 'Points earned (negative for an overdraft lot)' }),
      remaining: Type.Integer({ description: 'Points left of it (an expired lot keeps what it burnt)' }),
      burnt: Type.Integer({ description: 'Points written off by expiry' }),
      pendingUntil: Nullable(Type.String()),
      expiresAt: Nullable(Type.String()),
      state: Type.Union(['pending', 'active', 'expired', 'spent'].map((s) => Type.Literal(s))),
      receipt: Nullable(Type.String({ description: 'Receipt of the sale that earned it' })),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const AdjustmentCreate = Type.Object(
  {
    cardNumber: Type.String({ minLength: 1, maxLength: 32 }),
    points: Type.Integer({
      not: { const: 0 },
      minimum: -BOUNDS.pointsPerMovement,
      maximum: BOUNDS.pointsPerMovement,
      description: 'Signed, non-zero',
    }),
    reason: Type.String({ maxLength: 500, description: 'Required' }),
  },
  { additionalProperties: false },
);

export const AdjustmentResult = Type.Object({
  movementId: Type.String(),
  cardNumber: Type.String(),
  points: Type.Integer(),
  reason: Type.String(),
  balance: PointsBalance,
});

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 1 January of this year' })),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Exclusive; default: next 1 January' }),
    ),
  },
  { additionalProperties: false },
);
