import { Type } from '@sinclair/typebox';
import { WEBHOOK_EVENTS } from '../../core/messaging/webhook-events.js';
import { TEMPLATE_LANGUAGES, TEMPLATE_VARIABLES } from '../../core/messaging/template.js';
import { Nullable } from './common.js';

const strict = { additionalProperties: false } as const;

export const Channel = Type.Union(
  (['email', 'sms', 'push', 'webhook'] as const).map((c) => Type.Literal(c)),
  { description: 'email, sms, push or webhook' },
);

export const MessageStatus = Type.Union(
  (['pending', 'sent', 'dead', 'suppressed'] as const).map((c) => Type.Literal(c)),
  {
    description:
      'pending (queued or waiting for a retry), sent, dead (gave up after the last try), suppressed (no consent, blacklisted, no address, endpoint gone)',
  },
);

export const MessageView = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  recipients: Type.Array(Type.String(), { description: 'Customer ids, or addresses; webhook endpoint id' }),
  subject: Nullable(Type.String()),
  body: Type.String(),
  template: Nullable(Type.String()),
  language: Nullable(Type.String()),
  source: Type.String({
    description: 'What caused it (an event type, a campaign, an automation, a dialect call)',
  }),
  event: Nullable(Type.Object({ id: Type.String(), type: Type.String(), endpointId: Type.String() })),
  attempts: Type.Integer({ description: 'Tries so far (since the last manual retry)' }),
  nextAttemptAt: Nullable(Type.String()),
  waitingBecause: Nullable(
    Type.String({
      description: 'Why a pending message has not left: channel not configured, quiet hours, rate',
    }),
  ),
  lastError: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
  createdAt: Type.String(),
  history: Type.Array(
    Type.Object({
      attempt: Type.Integer(),
      at: Type.String(),
      channel: Type.String(),
      outcome: Type.String({ description: 'sent, failed or suppressed' }),
      answer: Nullable(
        Type.String({ description: "The provider's answer (SMTP reply, HTTP status and body)" }),
      ),
      durationMs: Type.Integer(),
    }),
  ),
});

export const MessagePage = Type.Object({
  data: Type.Array(MessageView),
  nextCursor: Nullable(Type.String()),
});

export const MessageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    status: Type.Optional(MessageStatus),
    channel: Type.Optional(Channel),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  strict,
);

export const EventName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: `One of ${WEBHOOK_EVENTS.join(', ')}, or * for all`,
});

export const WebhookCreate = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'https URL (http only in development)' }),
    events: Type.Array(EventName, { minItems: 1, maxItems: 50 }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);

export const WebhookPatch = Type.Object(
  {
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    events: Type.Optional(Type.Array(EventName, { minItems: 1, maxItems: 50 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    enabled: Type.Optional(
      Type.Boolean({ description: 'true re-enables an endpoint disabled after failing' }),
    ),
  },
  strict,
);

export const WebhookView = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(Type.String()),
  failingSince: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhookCreated = Type.Object({
  ...WebhookView.properties,
  secret: Type.String({ description: 'whsec_… signing secret: shown once, keep it' }),
});

export const ReplayRequest = Type.Object(
  {
    eventId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'One event (evt_…)' })),
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Start of a time range (RFC 3339)' }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'End of the range (exclusive)' })),
  },
  strict,
);

export const ReplayAnswer = Type.Object({ queued: Type.Integer({ description: 'Deliveries queued' }) });

export const Language = Type.Union(
  TEMPLATE_LANGUAGES.map((l) => Type.Literal(l)),
  { description: 'fr, en, pt or es' },
);

export const TemplateBody = Type.Object(
  {
    subject: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    html: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
  },
  { ...strict, description: `Variables: ${TEMPLATE_VARIABLES.map((v) => `{{ ${v} }}`).join(', ')}` },
);

export const TemplateView = Type.Object({
  name: Type.String(),
  channel: Type.String(),
  language: Type.String(),
  subject: Nullable(Type.String()),
  body: Type.String(),
  html: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const TemplateParams = Type.Object(
  {
    name: Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{0,63}$',
      description: 'lower-case letters, digits, . _ -',
    }),
    channel: Type.Union(['email', 'sms', 'push'].map((c) => Type.Literal(c))),
    language: Language,
  },
  strict,
);

export const PreviewRequest = Type.Object(
  {
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    variables: Type.Optional(
      Type.Record(Type.String(), Nullable(Type.Union([Type.String(), Type.Number()]))),
    ),
  },
  strict,
);

export const PreviewAnswer = Type.Object({
  subject: Type.String(),
  text: Type.String(),
  html: Nullable(Type.String()),
  sms: Nullable(Type.Object({ encoding: Type.String(), units: Type.Integer(), segments: Type.Integer() })),
});

export const MessagingSettings = Type.Object(
  {
    quietStart: Nullable(
      Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM local time, or null' }),
    ),
    quietEnd: Nullable(
      Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM local time, or null' }),
    ),
    timeZone: Nullable(
      Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris' }),
    ),
    perMinute: Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'Customer messages per minute; null: unlimited',
      }),
    ),
  },
  strict,
);
