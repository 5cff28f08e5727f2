/**
 * The Fidelisa dialect (seed 001), mounted at /fidelisa: provider routes (shops) and shop routes
 * (customers, cards, rule basis, sales, corrections, gifts, notifications), each subtree with its auth hook,
 * and Fidelisa's error body.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';
import { installErrorFormat, prepareErrorReply } from '../../http/plugins/errors.js';
import { installLenientBodies } from '../../http/plugins/lenient-body.js';
import { answerJsonOnly } from '../../http/plugins/negotiation.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { denyByDefault, grantRoles } from '../../http/plugins/auth.js';
import { fidelisaAuth } from './auth.js';
import { errorBody, fidelisaStatus } from './mapping.js';
import { customerRoutes } from './routes-customers.js';
import { giftRoutes } from './routes-gifts.js';
import { loyaltyRoutes } from './routes-loyalty.js';
import { providerShopRoutes, shopSettingRoutes } from './routes-shops.js';

export function fidelisaDialect(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const format = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const e = prepareErrorReply(request, reply, error);
      if (e.status === 401) reply.header('WWW-Authenticate', 'Fidelisa realm="tessera"');
      const status = fidelisaStatus(e.status);
      return reply
        .code(status)
        .type('application/json')
        .send(errorBody(status, e.code, e.message));
    };
    installErrorFormat(app, format);
    // The document knows only JSON: an Accept that lists XML too (RestSharp's default) still gets JSON.
    answerJsonOnly(app);
    // Typed clients send null for unset members; on customer fields null clears the field (update).
    installLenientBodies(app, {
      keepNull: ['email', 'phone', 'first_name', 'last_name', 'birth_day', 'birth_month'],
    });
    app.setNotFoundHandler((request, reply) => {
      const e = prepareErrorReply(
        request,
        reply,
        new HttpError('ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`),
      );
      return reply
        .code(404)
        .type('application/json')
        .send(errorBody(404, e.code, e.message));
    });
    await app.register(async (provider) => {
      provider.addHook('onRequest', fidelisaAuth(deps, false));
      grantRoles(provider, STAFF_ROLES);
      denyByDefault(provider);
      await provider.register(providerShopRoutes(deps));
    });
    await app.register(async (shop) => {
      shop.addHook('onRequest', fidelisaAuth(deps, true));
      grantRoles(shop, STAFF_ROLES);
      denyByDefault(shop);
      await shop.register(shopSettingRoutes(deps));
      await shop.register(customerRoutes(deps));
      await shop.register(loyaltyRoutes(deps));
      await shop.register(giftRoutes(deps));
    });
  };
}
