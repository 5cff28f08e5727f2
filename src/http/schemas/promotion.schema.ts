import { Type } from '@sinclair/typebox';

const Str = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Int = (min = 0) => Type.Integer({ minimum: min, maximum: Number.MAX_SAFE_INTEGER });
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

/** The promotion grammar's JSON form: validated by the engine's parser (422 with the path), not here. */
export const PromotionBody = Type.Object({}, { additionalProperties: true });
export const NroParams = Type.Object({ nro: Type.String({ pattern: '^[0-9a-f]{24}$' }) });
export const Promotion = Type.Object(
  {
    nro: Type.String(),
    code: Type.String(),
    name: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
    revision: Type.Integer(),
    definition: Type.Object({}, { additionalProperties: true }),
    source: Type.Object({}, { additionalProperties: true, description: 'The grammar form as written' }),
    limits: Type.Array(Type.Object({}, { additionalProperties: true })),
    exclusions: Type.Array(Type.Object({ storeCode: Type.String(), date: Type.String() })),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: true },
);
export const PromotionPage = Type.Object({
  data: Type.Array(Promotion),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export const PromotionListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Str(200)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
    code: Type.Optional(Str(100)),
  },
  { additionalProperties: false },
);
export const ExclusionBody = Type.Object(
  {
    storeCode: Type.String({ minLength: 1, maxLength: 64, description: '"*" for every store' }),
    dates: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { minItems: 1, maxItems: 366 }),
    operation: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('remove')])),
  },
  { additionalProperties: false },
);

const Step = Type.Object({
  fn: Type.Union([Type.Literal('ALL'), Type.Literal('SIMPLE')]),
  promotions: Type.Array(Type.String()),
});
export const MapCreate = Type.Object(
  {
    name: Str(200),
    promotions: Type.Array(Type.String({ pattern: '^[0-9a-f]{24}$' }), { maxItems: 20_000 }),
    startDate: Type.String({ minLength: 10, maxLength: 40 }),
    endDate: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    stores: Type.Optional(
      Type.Array(Str(64), {
        description:
          'Store codes the map applies at (absent or empty: every store). The map file lists them comma-separated in a Stores parameter, so a code holds no comma nor surrounding spaces, and none comes twice (422 naming stores[i]).',
      }),
    ),
    validityAfterVoid: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    algorithm: Type.Optional(Type.Array(Step, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const MapFileBody = Type.String({
  minLength: 1,
  description:
    "A map file: the grammar's XML form, <promo-engine> (ISO-8859-1 unless the charset says otherwise).",
  examples: [
    '<?xml version="1.0" encoding="iso-8859-1"?>\n<promo-engine start-date="01/11/2026 00:00" end-date="" validity-after-void="365" map-version="4" suggest="conditional">\n\t<promotions>\n\t\t<promotion nro="6650a1f0c2b34d5e6f708190" name="30 % off shoes" code="SHOES30">\n\t\t\t<sets>\n\t\t\t\t<set name="shoes" type="item" attribute="level1" value="SHOES" />\n\t\t\t</sets>\n\t\t\t<condition type="basic" name="Exists">\n\t\t\t\t<parameter key="use-set" value="shoes" />\n\t\t\t</condition>\n\t\t\t<benefits>\n\t\t\t\t<benefit instance="PercentageDiscount">\n\t\t\t\t\t<parameter key="percent" value="30" />\n\t\t\t\t</benefit>\n\t\t\t</benefits>\n\t\t</promotion>\n\t</promotions>\n\t<evaluation-algorithm>\n\t\t<step>\n\t\t\t<function name="ALL">\n\t\t\t\t<function name="SIMPLE">\n\t\t\t\t\t<promotion-usage name="30 % off shoes" />\n\t\t\t\t</function>\n\t\t\t</function>\n\t\t</step>\n\t</evaluation-algorithm>\n</promo-engine>',
  ],
});
export const MapImportQuery = Type.Object({ name: Type.Optional(Str(200)) }, { additionalProperties: false });
export const MapView = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  startDate: Type.String(),
  endDate: Type.Union([Type.String(), Type.Null()]),
  stores: Type.Array(Type.String()),
  validityAfterVoid: Type.Integer(),
  algorithm: Type.Array(Step),
  promotions: Type.Array(Type.Object({ nro: Type.String(), code: Type.String(), name: Type.String() })),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
export const MapPage = Type.Object({
  data: Type.Array(MapView),
  active: Type.Union([Type.Integer(), Type.Null()]),
});
export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export const MapListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const Attributes = Type.Object(
  {
    code: Type.Optional(Str(64)),
    level1: Type.Optional(Str(64)),
    level2: Type.Optional(Str(64)),
    level3: Type.Optional(Str(64)),
    level4: Type.Optional(Str(64)),
    level5: Type.Optional(Str(64)),
    level6: Type.Optional(Str(64)),
    brand: Type.Optional(Str(64)),
    type: Type.Optional(Str(64)),
  },
  { additionalProperties: false },
);
export const ItemAttributes = Attributes;
export const BasketLine = Type.Object(
  {
    sku: Str(64),
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, multipleOf: 0.001 }),
    unitPrice: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
    attributes: Type.Optional(Attributes),
  },
  { additionalProperties: false },
);
export const Payment = Type.Object(
  { type: Str(64), amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }) },
  { additionalProperties: false },
);
export const EvaluateBody = Type.Object(
  {
    storeCode: Str(64),
    terminalCode: Type.Optional(Str(64)),
    date: Type.String({ minLength: 16, maxLength: 40 }),
    cardNumber: Type.Optional(Str(32)),
    customerId: Type.Optional(Str(64)),
    contract: Type.Optional(Str(64)),
    coupons: Type.Optional(Type.Array(Str(64), { maxItems: 50 })),
    lines: Type.Array(BasketLine, { minItems: 1, maxItems: 1000 }),
    payments: Type.Optional(Type.Array(Payment, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export const EvaluateQuery = Type.Object(
  {
    explain: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Literal('candidates'), Type.Literal('none')], {
        examples: ['candidates'],
        description:
          'Which promotions that did not apply notApplied lists: all (default) every promotion of the map; candidates only those the map index considered for this basket (those whose condition, stores or segments name something the basket has); none omits them (notApplied is []).',
      }),
    ),
  },
  { additionalProperties: false },
);
const CouponIssue = Type.Object({ type: Type.String(), quantity: Type.Integer() });
export const EvaluationResult = Type.Object({
  mapVersion: Type.Union([Type.Integer(), Type.Null()]),
  lines: Type.Array(
    Type.Object({
      index: Type.Integer(),
      sku: Type.String(),
      quantity: Type.Number(),
      unitPrice: Type.Integer(),
      discount: Type.Integer(),
      total: Type.Integer(),
    }),
  ),
  promotions: Type.Array(
    Type.Object({
      nro: Type.String(),
      code: Type.String(),
      name: Type.String(),
      benefit: Type.String(),
      discount: Type.Integer(),
      points: Type.Integer(),
      coupons: Type.Array(CouponIssue),
      lines: Type.Array(Type.Integer()),
      messages: Type.Array(Type.String()),
      couponsRedeemed: Type.Array(Type.String()),
      offers: Type.Array(Type.Object({}, { additionalProperties: true })),
    }),
  ),
  notApplied: Type.Array(
    Type.Object({ nro: Type.String(), code: Type.String(), reason: Type.String(), message: Type.String() }),
  ),
  totalDiscount: Type.Integer(),
  points: Type.Integer(),
  couponsToIssue: Type.Array(CouponIssue),
});

export const CouponTypeCreate = Type.Object(
  {
    code: Str(64),
    name: Str(200),
    format: Type.Optional(Type.Union([Type.Literal('PRINTED'), Type.Literal('ELECTRONIC')])),
    validityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export const CouponType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  format: Type.String(),
  validityDays: Type.Union([Type.Integer(), Type.Null()]),
  maxUses: Type.Integer(),
  createdAt: Type.String(),
});
export const CouponTypePage = Type.Object({ data: Type.Array(CouponType) });
export const CouponIssueBody = Type.Object(
  {
    type: Str(64),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    barcode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z_-]{4,64}$' })),
    customerId: Type.Optional(Str(64)),
    validFrom: Type.Optional(Type.String({ format: 'date-time' })),
    validTo: Type.Optional(Type.String({ format: 'date-time' })),
    amount: Type.Optional(Int()),
  },
  { additionalProperties: false },
);
const History = Type.Object({
  action: Type.String(),
  at: Type.String(),
  saleId: Nullable(Type.String()),
  storeCode: Nullable(Type.String()),
  terminalCode: Nullable(Type.String()),
});
export const Coupon = Type.Object({
  barcode: Type.String(),
  type: Type.String(),
  format: Type.String(),
  status: Type.String(),
  usedTimes: Type.Integer(),
  maxUses: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  amount: Type.Union([Type.Integer(), Type.Null()]),
  emitPromotion: Nullable(Type.String()),
  saleId: Nullable(Type.String()),
  createdAt: Type.String(),
  history: Type.Optional(Type.Array(History)),
});
export const CouponList = Type.Object({ data: Type.Array(Coupon) });
export const BarcodeParams = Type.Object({ barcode: Type.String({ minLength: 1, maxLength: 64 }) });
export const CouponAction = Type.Object(
  { storeCode: Type.Optional(Str(64)), terminalCode: Type.Optional(Str(64)) },
  { additionalProperties: false },
);
export const StatementQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    cursor: Type.Optional(Str(200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export const StatementPage = Type.Object({
  data: Type.Array(
    Type.Object({
      barcode: Type.String(),
      type: Type.String(),
      action: Type.String(),
      at: Type.String(),
      saleId: Nullable(Type.String()),
      storeCode: Nullable(Type.String()),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const SegmentParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const SegmentMembersBody = Type.Object(
  {
    operation: Type.Union([Type.Literal('add'), Type.Literal('remove')]),
    customers: Type.Array(Str(64), { minItems: 1, maxItems: 10_000 }),
    name: Type.Optional(Str(200)),
  },
  { additionalProperties: false },
);
export const SegmentChange = Type.Object({
  code: Type.String(),
  added: Type.Integer(),
  removed: Type.Integer(),
  unknown: Type.Array(Type.String()),
});
export const SegmentPage = Type.Object({
  data: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      members: Type.Integer(),
      createdAt: Type.String(),
    }),
  ),
});
export const MemberPage = Type.Object({
  data: Type.Array(Type.Object({ customerId: Type.String(), addedAt: Type.String() })),
  nextCursor: Nullable(Type.String()),
});
export const MemberQuery = Type.Object(
  { cursor: Type.Optional(Str(200)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  { additionalProperties: false },
);

export const LimitCreate = Type.Object(
  {
    promotion: Type.String({ pattern: '^[0-9a-f]{24}$' }),
    benefit: Type.Optional(Type.String({ pattern: '^[0-9a-f]{24}$' })),
    scope: Type.Union([Type.Literal('customer'), Type.Literal('store'), Type.Literal('retailer')]),
    storeCode: Type.Optional(Str(64)),
    period: Type.Union([Type.Literal('undefined'), Type.Literal('days')]),
    numberDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    type: Type.Union([Type.Literal('count'), Type.Literal('quantity'), Type.Literal('amount')]),
    max: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  },
  { additionalProperties: false },
);
export const Limit = Type.Object({
  id: Type.String(),
  promotion: Type.String(),
  benefit: Type.String(),
  scope: Type.String(),
  storeCode: Nullable(Type.String()),
  period: Type.String(),
  numberDays: Type.Union([Type.Integer(), Type.Null()]),
  type: Type.String(),
  max: Type.Integer(),
  createdAt: Type.String(),
  state: Type.Optional(
    Type.Array(
      Type.Object({
        subject: Type.String(),
        used: Type.Integer(),
        remaining: Type.Integer(),
        nextReset: Nullable(Type.String()),
      }),
    ),
  ),
});
export const LimitPage = Type.Object({ data: Type.Array(Limit) });
export const LimitQuery = Type.Object(
  { promotion: Type.Optional(Type.String({ pattern: '^[0-9a-f]{24}$' })) },
  { additionalProperties: false },
);
export const LimitParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const SubjectQuery = Type.Object({ subject: Type.Optional(Str(64)) }, { additionalProperties: false });
export const Deleted = Type.Object({ id: Type.String(), deleted: Type.Boolean() });
