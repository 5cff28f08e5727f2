import { Type } from '@sinclair/typebox';
import { AUTOMATION_KINDS } from '../../app/messaging/automations.js';
import { Nullable } from './common.js';
import { Language } from './messaging.schema.js';

const strict = { additionalProperties: false } as const;
const When = Type.String({ minLength: 10, maxLength: 40, description: 'YYYY-MM-DD or RFC 3339' });

export const AudienceSchema = Type.Object(
  {
    segment: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Segment code' })),
    program: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Program code' })),
    minTier: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Tier index of `program` reached, or higher' }),
    ),
    lastPurchaseAfter: Type.Optional(When),
    lastPurchaseBefore: Type.Optional(When),
    minBalance: Type.Optional(Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 })),
    maxBalance: Type.Optional(Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 })),
    birthdayMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  {
    ...strict,
    description:
      'All filters are optional and combined with "and"; {} is every customer with an address on the channel.',
  },
);

export const CampaignCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    channel: Type.Union(['email', 'sms', 'push'].map((c) => Type.Literal(c))),
    template: Type.String({ minLength: 1, maxLength: 64, description: 'Name of a template of this channel' }),
    language: Type.Optional(Nullable(Language)),
    audience: Type.Optional(AudienceSchema),
    scheduleAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    perMinute: Type.Optional(
      Nullable(
        Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Throttle: messages per minute' }),
      ),
    ),
  },
  strict,
);

export const CampaignView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String({ description: 'draft, scheduled, launching, launched or cancelled' }),
  channel: Type.String(),
  template: Type.String(),
  language: Nullable(Type.String()),
  audience: AudienceSchema,
  scheduleAt: Nullable(Type.String()),
  perMinute: Nullable(Type.Integer()),
  launchedAt: Nullable(Type.String()),
  enqueued: Type.Integer({ description: 'Messages written by the launch so far' }),
  results: Type.Object({
    queued: Type.Integer(),
    sent: Type.Integer(),
    delivered: Nullable(Type.Integer({ description: 'null: the channel gives no delivery receipt' })),
    failed: Type.Integer(),
    unsubscribed: Type.Integer({ description: 'Not sent: no consent, blacklisted or no address' }),
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const DryRunAnswer = Type.Object({
  audience: Type.Integer({ description: 'Customers the campaign would reach now' }),
  asOf: Type.String(),
});

export const CampaignPage = Type.Object({
  data: Type.Array(CampaignView),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page' })),
});

export const AutomationKindParams = Type.Object(
  {
    kind: Type.Union(
      AUTOMATION_KINDS.map((k) => Type.Literal(k)),
      { description: 'birthday, points_expiring, welcome or tier_reached' },
    ),
  },
  strict,
);

const BirthdayVoucher = Type.Object(
  {
    kind: Type.Union([Type.Literal('amount'), Type.Literal('percentage')]),
    value: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Minor units, or a percentage' }),
    validDays: Type.Integer({ minimum: 1, maximum: 3660 }),
  },
  strict,
);

export const AutomationBody = Type.Object(
  {
    enabled: Type.Boolean(),
    channel: Type.Union(['email', 'sms', 'push'].map((c) => Type.Literal(c))),
    template: Type.String({ minLength: 1, maxLength: 64 }),
    language: Type.Optional(Nullable(Language)),
    daysBefore: Type.Optional(
      Nullable(
        Type.Integer({ minimum: 1, maximum: 365, description: 'points_expiring: warn this many days ahead' }),
      ),
    ),
    voucher: Type.Optional(Nullable(BirthdayVoucher)),
  },
  strict,
);

export const AutomationView = Type.Object({
  kind: Type.String(),
  enabled: Type.Boolean(),
  channel: Type.String(),
  template: Type.String(),
  language: Nullable(Type.String()),
  daysBefore: Nullable(Type.Integer()),
  voucher: Nullable(BirthdayVoucher),
  since: Type.String({ description: 'Welcome and tier messages go to occasions from this instant on' }),
  updatedAt: Type.String(),
});
