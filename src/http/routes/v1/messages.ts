import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as messages from '../../../app/messaging/messages.js';
import { MARKETING_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { MessagePage, MessageQuery, MessageView } from '../../schemas/messaging.schema.js';

const tags = ['messages'];

export function messageRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/messages',
      {
        preHandler: requireRole(...MARKETING_ROLES),
        schema: {
          tags,
          summary: 'List the outbox: messages and webhook deliveries with their state and attempts',
          description:
            'Administrators, directors and marketers. Newest first; filter by status (pending, sent, dead, suppressed), channel or source. A pending message says why it waits (channel not configured, quiet hours, send rate); every attempt is listed with its time and the provider answer.',
          querystring: MessageQuery,
          response: { 200: MessagePage, ...errorResponses },
        },
      },
      async (request) => unwrap(await messages.listMessagePage(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/messages/:id',
      {
        preHandler: requireRole(...MARKETING_ROLES),
        schema: {
          tags,
          summary: 'Read one message and its attempts',
          description: 'Administrators, directors and marketers. 404 when the merchant has no such message.',
          params: IdParams,
          response: { 200: MessageView, ...errorResponses },
        },
      },
      async (request) => unwrap(await messages.getMessage(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/messages/:id/retry',
      {
        preHandler: requireRole('administrator'),
        schema: {
          tags,
          summary: 'Retry a dead letter',
          description:
            'Administrators only. Puts a dead message (status dead) back in the queue, due now, with a fresh count of tries; 409 for a message that is not dead.',
          params: IdParams,
          response: { 200: MessageView, ...errorResponses },
        },
      },
      async (request) => unwrap(await messages.retryDeadLetter(deps, merchantOf(request), request.params.id)),
    );
  };
}
