/** /docs examples of the campaign and automation routes. */
import type { OperationExample } from './openapi-examples.js';

const campaign = {
  id: 'cmp_01m8jk4d5e6f7g8h9j0k1m2n3p',
  name: 'Soldes de printemps',
  status: 'draft',
  channel: 'email',
  template: 'spring',
  language: 'fr',
  audience: { segment: 'VIP', lastPurchaseAfter: '2026-01-01', minBalance: 100, birthdayMonth: 3 },
  scheduleAt: '2026-12-01T09:00:00.000Z',
  perMinute: 600,
  launchedAt: null,
  enqueued: 0,
  results: { queued: 0, sent: 0, delivered: null, failed: 0, unsubscribed: 0 },
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

const launched = {
  ...campaign,
  status: 'launched',
  launchedAt: '2026-12-01T09:00:04.000Z',
  enqueued: 1840,
  results: { queued: 240, sent: 1570, delivered: null, failed: 3, unsubscribed: 27 },
};

const automation = {
  kind: 'points_expiring',
  enabled: true,
  channel: 'email',
  template: 'expiring',
  language: null,
  daysBefore: 30,
  voucher: null,
  since: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

export const CAMPAIGN_EXAMPLES: Record<string, OperationExample> = {
  'POST /v1/campaigns': {
    request: {
      name: campaign.name,
      channel: 'email',
      template: 'spring',
      language: 'fr',
      audience: campaign.audience,
      scheduleAt: campaign.scheduleAt,
      perMinute: 600,
    },
    response: campaign,
  },
  'GET /v1/campaigns': { response: { data: [launched], nextCursor: null } },
  'GET /v1/campaigns/{id}': { response: launched },
  'POST /v1/campaigns/{id}/dry-run': { response: { audience: 1840, asOf: '2026-11-28T10:00:00.000Z' } },
  'POST /v1/campaigns/{id}/launch': { response: { ...campaign, status: 'scheduled' } },
  'POST /v1/campaigns/{id}/cancel': { response: { ...campaign, status: 'cancelled' } },
  'GET /v1/automations': { response: { data: [automation], nextCursor: null } },
  'PUT /v1/automations/{kind}': {
    request: { enabled: true, channel: 'email', template: 'expiring', daysBefore: 30 },
    response: automation,
  },
  'DELETE /v1/automations/{kind}': { response: {} },
};
