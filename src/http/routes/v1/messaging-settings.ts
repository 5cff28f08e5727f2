import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { readSettings, writeSettings } from '../../../app/messaging/settings.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { MessagingSettings } from '../../schemas/messaging.schema.js';

const tags = ['messages'];

/** Quiet hours and send rate of the merchant, honoured by the delivery job. */
export function messagingSettingsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/messaging-settings',
      {
        preHandler: requireRole('administrator', 'director', 'marketer'),
        schema: {
          tags,
          summary: 'Read the quiet hours and send rate',
          description:
            'Administrators, directors and marketers. Null fields: no quiet hours, no rate limit (the defaults).',
          response: { 200: MessagingSettings, ...errorResponses },
        },
      },
      async (request) => readSettings(deps, merchantOf(request)),
    );

    app.put(
      '/messaging-settings',
      {
        preHandler: requireRole('administrator'),
        schema: {
          tags,
          summary: 'Set the quiet hours and send rate',
          description:
            'Administrators only. Quiet hours are local times (HH:MM) in timeZone (UTC when null), across midnight when start > end: a customer message due inside them waits until they end (it is deferred, not dropped; webhooks are not held). perMinute caps the customer messages sent per minute by all processes together; the rest wait for the next minute. 422 names a bad time or time zone.',
          body: MessagingSettings,
          response: { 200: MessagingSettings, ...errorResponses },
        },
      },
      async (request) => unwrap(await writeSettings(deps, merchantOf(request), request.body)),
    );
  };
}
