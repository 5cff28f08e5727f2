/**
 * Wire shapes of /v1/programs. Inline schemas (no $id): they are compiled once per route. Types are checked
 * here; the business checks (thresholds increase, templates exist, ...) are validateProgram's, answering
 * 422 PROGRAM_INVALID with one detail per problem.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CARD_CATEGORIES, CARD_TYPES, REQUIRABLE_FIELDS } from '../../core/loyalty/program.js';
import type { ProgramRecord } from '../../core/loyalty/program.js';
import { ITEM_ATTRIBUTES } from '../../core/promotions/model.js';
import { Nullable } from './common.js';

const Enum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );
const Int = (options: { minimum?: number; maximum?: number; description?: string } = {}) =>
  Type.Integer(options);
const Closed = <T extends Record<string, TSchema>>(properties: T, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const NumberFormat = Closed(
  {
    prefix: Type.String({
      maxLength: 18,
      pattern: '^[0-9]*$',
      description: 'Digits every number starts with',
    }),
    length: Int({ minimum: 2, maximum: 19, description: 'Total digits, check digit included' }),
    checkDigit: Enum(['ean13', 'luhn', 'none'] as const, 'EAN-13 (GS1 mod 10), Luhn, or none'),
  },
  'Card number format',
);

const AmountRate = Closed({
  points: Int({ minimum: 0 }),
  per: Int({ minimum: 1, description: 'Minor units of the program currency' }),
});
const ruleCommon = {
  id: Type.String({ minLength: 1, maxLength: 64 }),
  rounding: Type.Optional(Enum(['floor', 'round', 'ceil'] as const, 'Default floor')),
  minimumAmount: Type.Optional(Int({ minimum: 0, description: 'Minor units; default 0' })),
  excludeDiscounted: Type.Optional(Type.Boolean({ description: 'Default false' })),
};
const EarningRule = Type.Union([
  Closed({ ...ruleCommon, kind: Type.Literal('visit'), rate: Closed({ points: Int({ minimum: 0 }) }) }),
  Closed({ ...ruleCommon, kind: Type.Literal('total_amount'), rate: AmountRate }),
  Closed(
    {
      ...ruleCommon,
      kind: Type.Literal('attribute_subtotal'),
      attribute: Enum(ITEM_ATTRIBUTES, 'The item attribute of the line the rule selects on'),
      values: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        minItems: 1,
        maxItems: 1000,
        description: 'The lines whose attribute is one of these values (compared exactly) earn',
      }),
      rate: AmountRate,
    },
    'Purchase lines with one of the given values of an item attribute (level1..level6, type, brand, code)',
  ),
  Closed(
    {
      ...ruleCommon,
      kind: Type.Literal('category_subtotal'),
      category: Int({ minimum: 1, maximum: 9 }),
      rate: AmountRate,
    },
    'Deprecated (the form before item attributes): stored and answered as an attribute_subtotal rule on type ["1".."9"]',
  ),
  Closed({
    ...ruleCommon,
    kind: Type.Literal('brand'),
    brand: Type.String({ maxLength: 100 }),
    rate: AmountRate,
  }),
  Closed({
    ...ruleCommon,
    kind: Type.Literal('items'),
    itemCodes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 }),
    rate: AmountRate,
  }),
]);

const Expiry = Type.Union(
  [
    Closed({ kind: Type.Literal('none') }),
    Closed({ kind: Type.Literal('days'), days: Int() }),
    Closed({ kind: Type.Literal('months'), months: Int() }),
    Closed({ kind: Type.Literal('fixed'), date: Type.String({ description: 'MM-DD' }) }),
  ],
  { description: 'Points lifetime' },
);

const Tier = Closed({
  index: Int({ minimum: 1 }),
  threshold: Int({ minimum: 1, description: 'Points, or minor units for purchaseAmount' }),
  forcedUse: Type.Boolean({ description: 'Reward generated automatically when the step is crossed' }),
  reward: Type.Union([
    Closed({ kind: Type.Literal('voucher_template'), templateId: Type.String({ maxLength: 64 }) }),
    Closed({ kind: Type.Literal('gift'), giftId: Type.String({ maxLength: 64 }) }),
  ]),
  label: Type.String({ maxLength: 200 }),
});
const Tiers = Closed(
  {
    type: Enum(['points', 'purchaseAmount'] as const),
    steps: Type.Array(Tier, { maxItems: 100 }),
  },
  'Tiers (steps)',
);

const VoucherKind = Enum(['amount', 'percentage', 'gift'] as const);
const VoucherTemplate = Closed({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Enum(['amount', 'percentage', 'gift', 'choices'] as const),
  value: Int({ minimum: 0, description: 'Minor units (amount, gift) or percent (percentage)' }),
  label: Type.String({ maxLength: 200 }),
  validityDays: Type.Optional(Nullable(Int({ minimum: 1 }))),
  splittable: Type.Optional(Type.Boolean()),
  options: Type.Optional(
    Type.Array(
      Closed({
        type: VoucherKind,
        value: Int({ minimum: 0 }),
        label: Type.Optional(Type.String({ maxLength: 200 })),
      }),
      { maxItems: 20 },
    ),
  ),
});

const settings = {
  cardType: Enum(CARD_TYPES),
  cardCategory: Enum(CARD_CATEGORIES),
  numberFormat: NumberFormat,
  pointsLabel: Type.String({ minLength: 1, maxLength: 40, description: 'Default "points"' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: "ISO 4217; default the merchant's" }),
  pendingDays: Int({ minimum: 0, maximum: 365, description: 'Default 0' }),
  expiry: Expiry,
  rules: Type.Array(EarningRule, { maxItems: 100 }),
  tiers: Tiers,
  voucherTemplates: Type.Array(VoucherTemplate, { maxItems: 100 }),
  requiredFields: Type.Array(Enum(REQUIRABLE_FIELDS), {
    maxItems: REQUIRABLE_FIELDS.length,
    description: 'Customer fields that must be filled before a card is activated',
  }),
  discountBasisPoints: Int({ minimum: 0, maximum: 10000, description: '500 = 5 %' }),
  negativeBalance: Enum(['allow', 'cap_at_zero'] as const, 'Default allow'),
  cancelWindowHours: Int({ minimum: 0, maximum: 8760, description: 'Default 24' }),
  requireKnownItems: Type.Boolean({ description: 'Default false' }),
  walletEnabled: Type.Boolean({ description: 'The card carries a money wallet. Default false' }),
  oneCardPerCustomer: Type.Boolean({ description: 'Default true' }),
  sponsorship: Type.Union(
    [
      Closed({
        godfatherPoints: Int({
          minimum: 0,
          maximum: 1_000_000_000,
          description:
            "Points to the godfather's card on the godchild's first purchase (once; taken back if that sale is cancelled)",
        }),
        godchildPoints: Int({
          minimum: 0,
          maximum: 1_000_000_000,
          description: "Points to the godchild's card at enrolment (once)",
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        'Sponsorship (godfather and godchild): null or absent = not activated (a godfather is then refused)',
    },
  ),
  sharedMobiles: Type.Boolean({
    description:
      'Customers may share a mobile number (else a second one is refused where the API checks). Default false',
  }),
  pointValuePer100: Nullable(
    Int({
      minimum: 1,
      maximum: 1_000_000_000,
      description:
        "What 100 points are worth in minor units of the program's currency (50: 100 points = 0.50); null = not valued (default). The dashboard's liability in money uses it",
    }),
  ),
};
const identity = {
  code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  active: Type.Boolean({ description: 'Default true' }),
};

const { cardType, cardCategory, numberFormat, ...otherSettings } = settings;
export const ProgramCreate = Type.Object(
  {
    code: identity.code,
    name: identity.name,
    cardType,
    cardCategory,
    numberFormat,
    ...Type.Partial(Type.Object({ ...otherSettings, active: identity.active })).properties,
  },
  { additionalProperties: false },
);
export type ProgramCreateBody = Static<typeof ProgramCreate>;

export const ProgramPatch = Type.Partial(Type.Object({ ...identity, ...settings }), {
  additionalProperties: false,
  description: 'Fields absent are kept',
});
export type ProgramPatchBody = Static<typeof ProgramPatch>;

const RuleOut = Type.Object({}, { additionalProperties: true, description: 'An earning rule' });
export const ProgramView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  cardType: Type.String(),
  cardCategory: Type.String(),
  numberFormat: Type.Object({ prefix: Type.String(), length: Type.Integer(), checkDigit: Type.String() }),
  pointsLabel: Type.String(),
  currency: Type.String(),
  pendingDays: Type.Integer(),
  expiry: Type.Object({}, { additionalProperties: true }),
  rules: Type.Array(RuleOut),
  tiers: Type.Object({
    type: Type.String(),
    steps: Type.Array(Type.Object({}, { additionalProperties: true })),
  }),
  voucherTemplates: Type.Array(Type.Object({}, { additionalProperties: true })),
  requiredFields: Type.Array(Type.String()),
  discountBasisPoints: Type.Integer(),
  negativeBalance: Type.String(),
  cancelWindowHours: Type.Integer(),
  requireKnownItems: Type.Boolean(),
  walletEnabled: Type.Boolean(),
  oneCardPerCustomer: Type.Boolean(),
  sponsorship: Type.Optional(
    Nullable(Type.Object({ godfatherPoints: Type.Integer(), godchildPoints: Type.Integer() })),
  ),
  sharedMobiles: Type.Optional(Type.Boolean()),
  pointValuePer100: Type.Optional(Nullable(Type.Integer())),
  nextSerial: Type.Integer({ description: 'Serial the next batch starts at' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ProgramPage = Type.Object({
  data: Type.Array(ProgramView),
  nextCursor: Nullable(Type.String()),
});

export function programView(record: ProgramRecord): Static<typeof ProgramView> {
  const { merchantId: _merchant, ...rest } = record;
  return { ...rest, tiers: { type: record.tiers.type, steps: [...record.tiers.steps] } };
}
