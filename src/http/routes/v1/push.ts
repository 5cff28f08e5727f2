import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../app/context.js';
import { pushPublicKey, registerPushSubscription } from '../../../app/messaging/push-subscriptions.js';
import { ANY_ROLE } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, errorResponses } from '../../schemas/common.js';

const tags = ['messages'];

export function pushRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/customers/:id/push-subscriptions',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: {
          tags,
          summary: "Register a browser's Web Push subscription for a customer",
          description:
            "The object a browser's PushManager.subscribe() answers (endpoint, keys.p256dh, keys.auth), subscribed with the applicationServerKey of GET /v1/push/public-key. Push messages to the customer go to each of their subscriptions; one the push service says is gone (404/410) is forgotten. 422 for an invalid subscription, 404 for an unknown customer.",
          params: IdParams,
          body: Type.Object({
            endpoint: Type.String({ minLength: 1, maxLength: 2000 }),
            keys: Type.Object({
              p256dh: Type.String({ minLength: 1, maxLength: 200 }),
              auth: Type.String({ minLength: 1, maxLength: 100 }),
            }),
            expirationTime: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
          }),
          response: { 201: Type.Object({ id: Type.String() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const saved = unwrap(
          await registerPushSubscription(deps, merchantOf(request), request.params.id, request.body),
        );
        return reply.code(201).send(saved);
      },
    );

    app.get(
      '/push/public-key',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: {
          tags,
          summary: 'The VAPID public key (applicationServerKey) for Web Push subscriptions',
          description: 'Any role. 503 when push is not configured (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY).',
          response: {
            200: Type.Object({ publicKey: Type.String() }),
            ...errorResponses,
            503: Type.Ref('ErrorBody'),
          },
        },
      },
      async () => unwrap(pushPublicKey(deps)),
    );
  };
}
