import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../app/context.js';
import * as webhooks from '../../../app/messaging/webhooks.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { List } from '../../schemas/admin.schema.js';
import { IdParams, PageQuery, errorResponses } from '../../schemas/common.js';
import {
  MessagePage,
  ReplayAnswer,
  ReplayRequest,
  WebhookCreate,
  WebhookCreated,
  WebhookPatch,
  WebhookView,
} from '../../schemas/messaging.schema.js';

const tags = ['webhooks'];
const administrators = requireRole('administrator');

export function webhookRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/webhooks',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Register a webhook endpoint',
          description:
            'Administrators only. Events are delivered as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256 with the whsec_ secret, answered here once). The URL must be https and reach a public address; 422 names the problem; unknown event names are refused.',
          body: WebhookCreate,
          response: { 201: WebhookCreated, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await webhooks.createWebhook(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/webhooks/${created.id}`).send(created);
      },
    );

    app.get(
      '/webhooks',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'List the webhook endpoints',
          description:
            'Administrators only. Every endpoint of the merchant, with its state (enabled, failing since).',
          response: { 200: List(WebhookView), ...errorResponses },
        },
      },
      async (request) => ({ data: await webhooks.listWebhooks(deps, merchantOf(request)), nextCursor: null }),
    );

    app.get(
      '/webhooks/:id',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Read a webhook endpoint',
          description: 'Administrators only. The secret is never shown again; 404 for an unknown id.',
          params: IdParams,
          response: { 200: WebhookView, ...errorResponses },
        },
      },
      async (request) => unwrap(await webhooks.getWebhook(deps, merchantOf(request), request.params.id)),
    );

    app.patch(
      '/webhooks/:id',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Update a webhook endpoint (URL, events, description, enabled)',
          description:
            'Administrators only. Fields absent are kept. enabled: true re-enables an endpoint that was disabled after failing for days (its failure streak starts again).',
          params: IdParams,
          body: WebhookPatch,
          response: { 200: WebhookView, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await webhooks.updateWebhook(deps, merchantOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/webhooks/:id',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Delete a webhook endpoint',
          description:
            'Administrators only. Its pending deliveries are dropped (suppressed) when they come due.',
          params: IdParams,
          response: { 200: Type.Object({}), ...errorResponses },
        },
      },
      async (request) => unwrap(await webhooks.deleteWebhook(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/webhooks/:id/replay',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Replay one event or a time range to an endpoint',
          description:
            'Administrators only. eventId queues that event again; from/to (RFC 3339, to exclusive, default now) queues every event of the range that the endpoint follows. Replays keep the event id as webhook-id, so a receiver that already has the event can drop it.',
          params: IdParams,
          body: ReplayRequest,
          response: { 200: ReplayAnswer, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await webhooks.replayWebhook(deps, merchantOf(request), request.params.id, request.body)),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'The delivery log of an endpoint',
          description:
            'Administrators only. Newest first: each delivery (one event to this endpoint) with its state and every attempt (time, HTTP status and answer).',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: MessagePage, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await webhooks.webhookDeliveries(deps, merchantOf(request), request.params.id, request.query)),
    );
  };
}
