/** Fidelisa wire schemas (snake_case, amounts as decimal strings with a "." and dates YYYY-MM-DD). */
import { Type, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** An amount: "123.50" (a number is accepted too); "." as decimal separator, no thousands separator. */
export const Amount = Type.Union([Type.String({ maxLength: 20 }), Type.Number()], {
  description: 'Decimal amount, "." separator, no thousands separator',
});
const Count = Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d{1,9}$' })]);
/** A quantity: whole units or goods by weight ("1.250"), "." as decimal separator. */
const Quantity = Type.Union([
  Type.Number({ minimum: 0, maximum: 1e9 }),
  Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,6})?$' }),
]);

export const FidelisaError = Type.Object(
  {
    error: Type.String({ description: 'HTTP reason, e.g. "Not Found"' }),
    code: Type.String({ description: 'Stable Tessera error code' }),
    message: Type.String(),
  },
  { description: 'Fidelisa error body' },
);

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, FidelisaError]));
export const providerErrors = errors(401, 403, 404, 422);
export const shopErrors = errors(401, 403, 404, 422);

export const Shop = Type.Object({
  title: Type.String(),
  uuid: Type.String(),
  key: Type.String(),
  user_email: Type.String(),
});
export const ShopInitBody = Type.Object({
  shop: Type.Object({ user_email: Type.String({ minLength: 3, maxLength: 200 }) }),
});
export const ShopList = Type.Object({ shops: Type.Array(Shop) });
export const ShopParams = Type.Object({ id: Uuid('UUID du shop') });
const categoryProps = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [`subtotal${i + 1}`, Nullable(Type.String())]),
);
export const Categories = Type.Object({ categories: Type.Object(categoryProps) });
export const Programs = Type.Object({
  programs: Type.Array(Type.Object({ title: Type.String(), uuid: Type.String() })),
});

export const Customer = Type.Object({
  uuid: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
});
export const CustomerBody = Type.Object({
  customer: Type.Object({
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    first_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    last_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    birth_day: Type.Optional(Nullable(Count)),
    birth_month: Type.Optional(Nullable(Count)),
  }),
});
export const CustomerList = Type.Object({ customers: Type.Array(Customer) });
export const CustomerParams = Type.Object({ id: Uuid('UUID du customer') });
export const Empty = Type.Object({});

export const Card = Type.Object({
  uuid: Type.String(),
  title: Nullable(Type.String()),
  points: Type.Integer(),
  expired_at: Nullable(Type.String()),
});
export const CardList = Type.Object({ cards: Type.Array(Card) });
export const ExpiryBody = Type.Object({
  id: Type.Optional(Uuid('UUID de la card (facultatif)')),
  date: DateText,
  reset: Type.Optional(Type.Union([Type.Boolean(), Type.String({ enum: ['true', 'false', '1', '0'] })])),
});

export const RuleBasisQuery = Type.Object({ customer_id: Type.Optional(Uuid("UUID d'un customer")) });
export const RuleBasis = Type.Object({
  rulebasis: Type.Array(
    Type.Object({
      type: Type.String({ description: 'Passage, TotalAmount, SubTotal1..SubTotal9 or Item' }),
      item: Type.String({ description: 'Item codes separated by ",", or "N/A"' }),
      exclude_discount: Type.String({ description: '"true" or "f"' }),
    }),
  ),
});

const SaleDetail = Type.Object({
  type: Type.String({
    maxLength: 40,
    description: 'SubTotal1..SubTotal9 or Item; TotalAmount, Passage and other types are not lines',
  }),
  item: Type.Optional(Type.String({ maxLength: 100 })),
  amount: Amount,
  quantity: Type.Optional(Quantity),
});
export const SaleBody = Type.Object({
  bill: Type.Object({
    total: Amount,
    date: DateText,
    customer_id: Uuid('UUID du customer'),
    details: Type.Optional(Type.Array(SaleDetail, { maxItems: 500 })),
  }),
});
export const SaleAnswer = Type.Object({
  bill: Type.Object({ date: Type.String(), total: Type.String() }),
  errors: Type.Array(
    Type.Object({
      type: Type.String(),
      item: Type.Optional(Type.String()),
      amount: Type.String(),
      quantity: Type.Optional(Type.String()),
      error: Type.String(),
    }),
  ),
});

export const CorrectionBody = Type.Object({
  correction: Type.Object({
    points: Count,
    customer_id: Uuid('UUID du customer'),
    card_id: Type.Optional(Uuid('UUID de la card (facultatif)')),
  }),
});
export const CorrectionAnswer = Type.Object({
  correction: Type.Object({
    points: Type.Integer(),
    customer_id: Type.String(),
    card_id: Type.String(),
  }),
  card: Card,
});

export const GiftQuery = Type.Object({
  customer_id: Uuid('UUID du customer'),
  used: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
});
export const GiftList = Type.Object({
  gifts: Type.Array(
    Type.Object({ uuid: Type.String(), title: Type.String(), points: Type.Optional(Type.Integer()) }),
  ),
});
export const GiftAwardBody = Type.Object({
  uuid: Uuid('UUID du cadeau'),
  customer_id: Uuid('UUID du customer'),
});
export const GiftParams = Type.Object({ gift_id: Uuid('UUID du cadeau') });
export const GiftRestoreQuery = Type.Object({ customer_id: Uuid('UUID du customer') });

export const NotificationBody = Type.Object({
  alert: Type.String({ minLength: 1, maxLength: 2000 }),
  customer: Type.Optional(Uuid('UUID du customer')),
  program: Type.Optional(Uuid('UUID du programme')),
  customers: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 2000 }))),
});
export const NotificationAnswer = Type.Object({ messages: Type.Integer(), recipients: Type.Integer() });
