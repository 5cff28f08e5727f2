/** Wire shapes of /v1/cards. Inline schemas (no $id): each route compiles its own. */
import { Type, type Static } from '@sinclair/typebox';
import {
  BLOCK_REASON_NAMES,
  CARD_STATUSES,
  isBlockReasonCode,
  type BlockReasonCode,
} from '../../core/cards/index.js';
import type { CardDetails } from '../../app/cards/cards-common.js';
import { Nullable } from './common.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const CardNumberParams = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9]+$', description: 'Card number' }),
});

export const CardBatchBody = Type.Object(
  {
    programId: Id,
    count: Type.Integer({ minimum: 1, maximum: 10000 }),
    firstSerial: Type.Optional(
      Type.Integer({ minimum: 0, description: "Default: where the program's previous batch ended" }),
    ),
  },
  { additionalProperties: false },
);

export const CardBatch = Type.Object({
  programId: Type.String(),
  firstSerial: Type.Integer(),
  count: Type.Integer(),
  numbers: Type.Array(Type.String()),
});

export const NextAvailableBody = Type.Object({ programId: Id }, { additionalProperties: false });

export const BindBody = Type.Union(
  [
    Type.Object({ customerId: Id }, { additionalProperties: false }),
    Type.Object(
      { mobile: Type.String({ minLength: 1, maxLength: 32, description: 'With the country code' }) },
      { additionalProperties: false },
    ),
  ],
  { description: 'The customer, by id or by mobile number' },
);

const reasonName = Type.Optional(Type.String({ maxLength: 200, description: 'Free text; not stored' }));
export const BlockBody = Type.Object(
  {
    reasonCode: Type.Integer({
      minimum: 0,
      maximum: 4,
      description: '0 loss, 1 unwanted customers list, 2 black list, 3 refusal to use, 4 card replacement',
    }),
    reasonName,
  },
  { additionalProperties: false },
);
export const UnblockBody = Type.Object(
  {
    reasonCode: Type.Integer({
      minimum: 0,
      maximum: 3,
      description: '0 card found, 1 left the unwanted list, 2 left the black list, 3 restored after refusal',
    }),
    reasonName,
  },
  { additionalProperties: false },
);

export const ReplaceBody = Type.Object(
  { newNumber: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9]+$' }) },
  { additionalProperties: false },
);

export const ExpiryBody = Type.Object(
  {
    expiresAt: Nullable(Type.String({ format: 'date-time', description: 'RFC 3339; null: no expiry' })),
    resetPoints: Type.Optional(
      Type.Boolean({ description: 'Take back all active points (adjust movement)' }),
    ),
  },
  { additionalProperties: false },
);

export const CardView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: Type.Union(CARD_STATUSES.map((s) => Type.Literal(s))),
  program: Nullable(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      cardType: Type.String(),
      cardCategory: Type.String(),
    }),
  ),
  customer: Nullable(
    Type.Object({
      id: Type.String(),
      number: Type.Integer(),
      firstName: Nullable(Type.String()),
      lastName: Nullable(Type.String()),
      mobile: Nullable(Type.String()),
    }),
  ),
  block: Nullable(
    Type.Object({ reasonCode: Type.Integer(), reasonName: Type.String(), blockedByRole: Type.String() }),
  ),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  replacedBy: Nullable(Type.String({ description: 'Number of the card that took over' })),
  discountMinor: Type.Integer({ description: 'Accumulated discount, minor units' }),
  issuedAt: Nullable(Type.String({ format: 'date-time' })),
  activatedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({
    format: 'date-time',
    description:
      'Last change of the card itself (status, holder, block, replacement); sales and points do not move it',
  }),
});
export type CardViewBody = Static<typeof CardView>;

export const ExpiryResult = Type.Composite([
  CardView,
  Type.Object({ pointsReset: Type.Integer({ description: 'Points taken back' }) }),
]);

export function cardView({ card, program, customer }: CardDetails): CardViewBody {
  const reason = card.state.block?.reasonCode ?? card.blockReason;
  return {
    id: card.id,
    number: card.number,
    status: card.status,
    program: program
      ? {
          id: program.id,
          code: program.code,
          name: program.name,
          cardType: program.cardType,
          cardCategory: program.cardCategory,
        }
      : null,
    customer: customer
      ? {
          id: customer.id,
          number: customer.ref,
          firstName: customer.data.firstName,
          lastName: customer.data.lastName,
          mobile: customer.data.mobile,
        }
      : null,
    block:
      card.status === 'blocked' && reason !== null && isBlockReasonCode(reason)
        ? {
            reasonCode: reason,
            reasonName: BLOCK_REASON_NAMES[reason as BlockReasonCode],
            blockedByRole: card.blockedByRole ?? 'administrator',
          }
        : null,
    expiresAt: card.expiresAt,
    replacedBy: card.replacedBy,
    discountMinor: card.discountMinor,
    issuedAt: card.issuedAt,
    activatedAt: card.activatedAt,
    createdAt: card.createdAt,
    updatedAt: card.updatedAt,
  };
}
