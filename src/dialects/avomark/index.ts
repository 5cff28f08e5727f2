/**
 * Avomark API360 compatibility API (seed 000, "Guide d'utilisation de l'API360"), mounted at /avomark.
 * It only translates: wire shapes, the Avomark error table, the token endpoint; every rule is the engine's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { bearerAuth, denyByDefault } from '../../http/plugins/auth.js';
import { installIdempotency } from '../../http/plugins/idempotency.js';
import { installLenientBodies } from '../../http/plugins/lenient-body.js';
import { installAvomarkErrors } from './errors.js';
import { avomarkCardRoutes } from './routes-cards.js';
import { avomarkCustomerRoutes } from './routes-customers.js';
import { avomarkDetailRoutes } from './routes-details.js';
import { avomarkReferenceRoutes } from './routes-reference.js';
import { avomarkTokenRoutes } from './routes-token.js';

const CLEARABLE_CUSTOMER_FIELDS = [
  'civility',
  'lastname',
  'firstname',
  'phone',
  'mobile',
  'email',
  'dayBirthday',
  'monthBirthday',
  'yearBirthday',
  'source',
  'address',
  'address1',
  'address2',
  'address3',
  'address4',
  'zipcode',
  'zipCode',
  'city',
  'country',
];

const TWIN = Symbol('avomark.trailing-slash-twin');

export function avomarkRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    installAvomarkErrors(app);
    // The guide's tables capitalise field names (Receipt, Purchases, Cards); typed clients send null for
    // unset members. Null keeps its meaning ("clear") only on the customer fields a PUT may clear.
    installLenientBodies(app, { caseInsensitive: true, keepNull: CLEARABLE_CUSTOMER_FIELDS });
    // The guide writes some paths with a trailing slash (/api/v1/customers/, /api/v1/tools/civilities/):
    // every route also answers with one.
    app.addHook('onRoute', function (this: FastifyInstance, route) {
      const options = route as typeof route & { [TWIN]?: true };
      if (options[TWIN] || route.method === 'HEAD' || route.url.endsWith('/')) return;
      this.route({
        ...route,
        url: `${route.url.slice(route.prefix.length)}/`,
        schema: { ...route.schema, hide: true },
        [TWIN]: true,
      } as typeof route);
    });
    await app.register(avomarkTokenRoutes(deps));
    await app.register(async (secured) => {
      secured.addHook('onRequest', bearerAuth(deps));
      // Idempotency-Key, as on /v1: a creation retried with its key replays the answer, creates nothing.
      installIdempotency(secured, deps);
      denyByDefault(secured);
      secured.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ avomarkBearer: [] }] };
      });
      await secured.register(avomarkCustomerRoutes(deps));
      await secured.register(avomarkReferenceRoutes);
      await secured.register(avomarkCardRoutes(deps));
      await secured.register(avomarkDetailRoutes(deps));
    });
  };
}
