import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

const Range = Type.Object({
  id: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  suggested: Type.Boolean(),
  createdAt: Type.String(),
});

export const ElementTypeView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    active: Type.Boolean(),
    numberLength: Type.Integer(),
    nominated: Type.Boolean(),
    rechargeable: Type.Boolean(),
    cvvRequired: Type.Boolean(),
    customerValidation: Type.String(),
    chargeLimitMinor: Type.Integer({ description: 'Largest amount one charge adds, hundredths; 0 = none' }),
    initialAmountMinor: Type.Integer(),
    validityDays: Nullable(Type.Integer()),
    ranges: Type.Array(Range),
  },
  {
    examples: [
      {
        code: 'tc02',
        name: 'TC02',
        description: 'TC02',
        active: false,
        numberLength: 11,
        nominated: true,
        rechargeable: true,
        cvvRequired: true,
        customerValidation: 'FILE',
        chargeLimitMinor: 500000,
        initialAmountMinor: 0,
        validityDays: null,
        ranges: [
          {
            id: '5f45575d830a697a4012df40',
            start: 3000,
            end: 3000,
            suggested: false,
            createdAt: '2020-08-25T18:24:29.000Z',
          },
        ],
      },
    ],
  },
);

export const ElementTypeCreate = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
    numberLength: Type.Integer({ minimum: 1, maximum: 64 }),
    nominated: Type.Optional(Type.Boolean()),
    rechargeable: Type.Optional(Type.Boolean()),
    cvvRequired: Type.Optional(Type.Boolean()),
    customerValidation: Type.Optional(
      Type.Union([Type.Literal('NO'), Type.Literal('API'), Type.Literal('FILE')]),
    ),
    chargeLimitMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000_000_000 })),
    initialAmountMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000_000_000 })),
    validityDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 36500 }))),
    ranges: Type.Optional(
      Type.Array(
        Type.Object({
          start: Type.Integer({ minimum: 0, maximum: 999_999_999_999 }),
          end: Type.Integer({ minimum: 0, maximum: 999_999_999_999 }),
          suggested: Type.Optional(Type.Boolean()),
        }),
        { maxItems: 50 },
      ),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: 'gift',
        name: 'Gift card',
        numberLength: 16,
        rechargeable: true,
        ranges: [{ start: 4242, end: 4242, suggested: true }],
      },
    ],
  },
);

const Movement = Type.Object({
  action: Type.String(),
  amountMinor: Type.Integer(),
  amountBeforeMinor: Nullable(Type.Integer()),
  amountAfterMinor: Type.Integer(),
  transactionId: Nullable(Type.String()),
  storeCode: Nullable(Type.String()),
  terminalCode: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  occurredAt: Type.String(),
  recordedAt: Type.String(),
});

export const ElementView = Type.Object(
  {
    number: Type.String(),
    type: Type.String(),
    status: Type.String({ description: 'ENABLED, DISABLED or CANCELED' }),
    customerCode: Nullable(Type.String()),
    amountMinor: Type.Integer({ description: 'Money or points, hundredths' }),
    validFrom: Nullable(Type.String({ description: 'yyyy-MM-dd' })),
    validTo: Nullable(Type.String()),
    createdAt: Type.String(),
    movements: Type.Array(Movement),
  },
  {
    examples: [
      {
        number: 's_verdes3095535912',
        type: 's_verdes',
        status: 'ENABLED',
        customerCode: '3095535912',
        amountMinor: 2000,
        validFrom: null,
        validTo: null,
        createdAt: '2021-03-19T02:55:17Z',
        movements: [
          {
            action: 'SALE',
            amountMinor: 2000,
            amountBeforeMinor: 0,
            amountAfterMinor: 2000,
            transactionId: 'napse_1_1_20210319203015',
            storeCode: '1',
            terminalCode: '1',
            reason: null,
            occurredAt: '2021-03-19T23:30:15Z',
            recordedAt: '2021-03-19T02:56:30Z',
          },
        ],
      },
    ],
  },
);
