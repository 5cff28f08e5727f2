/** Wire shapes of vouchers, gifts and step rewards on /v1. */
import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

const DateTime = (description: string) => Type.String({ format: 'date-time', description });
const Kind = Type.Union(
  [Type.Literal('amount'), Type.Literal('percentage'), Type.Literal('gift'), Type.Literal('choices')],
  { description: 'amount (minor units), percentage, gift, or choices (the till picks one option)' },
);
const OptionType = Type.Union([Type.Literal('amount'), Type.Literal('percentage'), Type.Literal('gift')]);
const VoucherStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('used'),
  Type.Literal('expired'),
  Type.Literal('cancelled'),
]);
const VoucherNumber = Type.String({
  pattern: '^[0-9A-Za-z]{4,32}$',
  description: '4 to 32 letters or digits',
});
export const CardNumberParam = Type.String({ pattern: '^[0-9A-Za-z]{1,32}$' });

export const VoucherOption = Type.Object(
  {
    type: OptionType,
    value: Type.Union([Type.Number(), Type.String({ maxLength: 64 })], {
      description: 'Minor units (amount), percent (percentage) or gift id (gift)',
    }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    moneyValue: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'gift: minor units' }))),
  },
  { additionalProperties: false },
);

export const VoucherCreate = Type.Object(
  {
    number: Type.Optional(VoucherNumber),
    cardNumber: Type.Optional(CardNumberParam),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    kind: Kind,
    value: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'amount: minor units; percentage: percent (1-100); gift: money value in minor units',
      }),
    ),
    options: Type.Optional(Type.Array(VoucherOption, { maxItems: 20 })),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    splittable: Type.Optional(Type.Boolean({ description: 'amount vouchers: the remainder is kept' })),
    validFrom: Type.Optional(DateTime('First instant of validity')),
    validUntil: Type.Optional(DateTime('Last instant of validity')),
  },
  {
    additionalProperties: false,
    description: 'Without cardNumber or customerId the voucher is a bearer voucher.',
  },
);

export const Voucher = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Kind,
  value: Type.Integer(),
  remaining: Type.Integer({ description: 'amount vouchers: minor units left' }),
  splittable: Type.Boolean(),
  options: Type.Array(VoucherOption),
  label: Nullable(Type.String()),
  status: VoucherStatus,
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  cardNumber: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  source: Type.String({ description: 'manual, step, gift or demo' }),
  stepIndex: Nullable(Type.Integer()),
  giftId: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const VoucherPage = Type.Object({ data: Type.Array(Voucher), nextCursor: Nullable(Type.String()) });

export const VoucherListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    cardNumber: Type.Optional(CardNumberParam),
    status: Type.Optional(VoucherStatus),
  },
  { additionalProperties: false },
);

export const VoucherNumberParams = Type.Object({ number: VoucherNumber });

export const StepParams = Type.Object({
  number: CardNumberParam,
  index: Type.Integer({ minimum: 1, maximum: 1000 }),
});

export const StepReward = Type.Object({ stepIndex: Type.Integer(), voucher: Voucher });

export const GiftCreate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    pointsCost: Type.Integer({ minimum: 1 }),
    stock: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'null or absent: unlimited' }))),
    validFrom: Type.Optional(Nullable(DateTime('First instant the gift can be awarded'))),
    validUntil: Type.Optional(Nullable(DateTime('Last instant the gift can be awarded'))),
    programId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  },
  { additionalProperties: false },
);

export const Gift = Type.Object({
  id: Type.String(),
  title: Type.String(),
  pointsCost: Type.Integer(),
  stock: Nullable(Type.Integer()),
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  programId: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

export const GiftList = Type.Object({ data: Type.Array(Gift) });

export const GiftListQuery = Type.Object(
  { cardNumber: Type.Optional(CardNumberParam) },
  { additionalProperties: false },
);

export const GiftAwardBody = Type.Object({ cardNumber: CardNumberParam }, { additionalProperties: false });

export const GiftAward = Type.Object({ awardId: Type.String(), voucher: Voucher });

export const GiftRestore = Type.Object({
  awardId: Type.String(),
  status: Type.Literal('restored'),
  pointsRestored: Type.Integer(),
});
