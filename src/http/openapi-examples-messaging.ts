/** /docs examples of the messaging routes (messages, webhooks, templates, push, unsubscribe). */
import type { OperationExample } from './openapi-examples.js';

const message = {
  id: 'msg_01m8je3fh8dwgrf1q0w0n6ws17',
  channel: 'email',
  status: 'sent',
  recipients: ['cus_01m8j8a1k2d3e4f5g6h7j8k9m0'],
  subject: 'Vos points',
  body: 'Bonjour {{ customer.firstName }}, merci.',
  template: null,
  language: null,
  source: 'automation:welcome',
  event: null,
  attempts: 1,
  nextAttemptAt: null,
  waitingBecause: null,
  lastError: null,
  sentAt: '2026-11-28T10:00:01.204Z',
  createdAt: '2026-11-28T10:00:00.000Z',
  history: [
    {
      attempt: 1,
      at: '2026-11-28T10:00:01.000Z',
      channel: 'email',
      outcome: 'sent',
      answer: '250 Message queued as 1',
      durationMs: 204,
    },
  ],
};

const webhook = {
  id: 'whk_01m8jf0a1b2c3d4e5f6g7h8j9k',
  url: 'https://erp.example.com/tessera/events',
  events: ['sale.posted', 'customer.created'],
  description: 'ERP',
  enabled: true,
  disabledReason: null,
  failingSince: null,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
};

const template = {
  name: 'welcome',
  channel: 'email',
  language: 'fr',
  subject: 'Bienvenue {{ customer.firstName }}',
  body: 'Bonjour {{ customer.firstName }}, votre carte {{ card.number }} est active.',
  html: null,
  updatedAt: '2026-11-28T10:00:00.000Z',
};

export const MESSAGING_EXAMPLES: Record<string, OperationExample> = {
  'GET /v1/messages': { response: { data: [message], nextCursor: null } },
  'GET /v1/messages/{id}': { response: message },
  'POST /v1/messages/{id}/retry': {
    response: {
      ...message,
      status: 'pending',
      attempts: 0,
      sentAt: null,
      nextAttemptAt: '2026-11-28T11:00:00.000Z',
    },
  },
  'GET /unsubscribe/{id}': {
    response:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe from Boutique Demo</title></head><body><h1>Unsubscribe from Boutique Demo</h1><form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form></body></html>',
  },
  'POST /unsubscribe/{id}': {
    request: { 'List-Unsubscribe': 'One-Click' },
    response:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head><body><h1>Unsubscribed</h1><p>You will no longer receive e-mails from Boutique Demo.</p></body></html>',
  },
  'POST /v1/webhooks': {
    request: {
      url: 'https://erp.example.com/tessera/events',
      events: ['sale.posted', 'customer.created'],
      description: 'ERP',
    },
    response: { ...webhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  },
  'GET /v1/webhooks': { response: { data: [webhook], nextCursor: null } },
  'GET /v1/webhooks/{id}': { response: webhook },
  'PATCH /v1/webhooks/{id}': {
    request: { events: ['*'], enabled: true },
    response: { ...webhook, events: ['*'] },
  },
  'DELETE /v1/webhooks/{id}': { response: {} },
  'POST /v1/webhooks/{id}/replay': {
    request: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' },
    response: { queued: 12 },
  },
  'GET /v1/webhooks/{id}/deliveries': {
    response: {
      data: [
        {
          ...message,
          channel: 'webhook',
          recipients: [webhook.id],
          subject: null,
          source: 'sale.posted',
          event: { id: 'evt_01m8jg2b3c4d5e6f7g8h9j0k1m', type: 'sale.posted', endpointId: webhook.id },
          body: '{"type":"sale.posted","timestamp":"2026-11-28T10:00:00.000Z","data":{"saleId":"sal_01m8jg2b3c4d5e6f7g8h9j0k1m"}}',
          history: [{ ...message.history[0], channel: 'webhook', answer: '204' }],
        },
      ],
      nextCursor: null,
    },
  },
  'PUT /v1/templates/{name}/{channel}/{language}': {
    request: { subject: template.subject, body: template.body },
    response: template,
  },
  'GET /v1/templates/{name}/{channel}/{language}': { response: template },
  'GET /v1/templates': { response: { data: [template], nextCursor: null } },
  'DELETE /v1/templates/{name}/{channel}/{language}': { response: {} },
  'POST /v1/templates/{name}/{channel}/{language}/preview': {
    request: { customerId: 'cus_01m8j8a1k2d3e4f5g6h7j8k9m0', variables: { 'card.number': '23301090783' } },
    response: {
      subject: 'Bienvenue Zoé',
      text: 'Bonjour Zoé, votre carte 23301090783 est active.',
      html: null,
      sms: null,
    },
  },
  'PUT /v1/messaging-settings': {
    request: { quietStart: '21:00', quietEnd: '08:00', timeZone: 'Europe/Paris', perMinute: 600 },
    response: { quietStart: '21:00', quietEnd: '08:00', timeZone: 'Europe/Paris', perMinute: 600 },
  },
  'GET /v1/messaging-settings': {
    response: { quietStart: '21:00', quietEnd: '08:00', timeZone: 'Europe/Paris', perMinute: 600 },
  },
  'POST /v1/customers/{id}/push-subscriptions': {
    request: {
      endpoint: 'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABn',
      keys: {
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
    },
    response: { id: 'psb_01m8jh3c4d5e6f7g8h9j0k1m2n' },
  },
  'GET /v1/push/public-key': {
    response: {
      publicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    },
  },
};
