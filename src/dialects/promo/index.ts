/**
 * PROMO V7.2 services (seed 004, spec/promo-v72.md), mounted at /promo: the OAuth token endpoint, then
 * every service behind a bearer token. It only translates: elements, customers and sales are the engine's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { denyByDefault } from '../../http/plugins/auth.js';
import { decodeBody } from '../../http/charset.js';
import { HttpError } from '../../http/http-error.js';
import { promoBearer, promoTokenRoutes } from './auth.js';
import { installPromoErrors } from './errors.js';
import { promoRoutes } from './routes.js';
import { loadingRoutes } from './loading/routes.js';

export function promoDialect(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    installPromoErrors(app);
    // promoCoreRequest bodies: XML text in the charset the Content-Type declares (ISO-8859-1 or UTF-8).
    app.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'buffer' },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : decodeBody(body, request.headers['content-type']);
        if (text instanceof HttpError) done(text, undefined);
        else done(null, text);
      },
    );
    await app.register(promoTokenRoutes(deps));
    await app.register(async (secured) => {
      secured.addHook('onRequest', promoBearer(deps));
      denyByDefault(secured);
      secured.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ promoBearer: [] }] };
      });
      await secured.register(promoRoutes(deps));
      await secured.register(loadingRoutes(deps));
    });
  };
}
