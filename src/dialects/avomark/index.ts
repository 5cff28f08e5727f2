/**
 * Avomark API360 compatibility API (seed 000, "Guide d'utilisation de l'API360"), mounted at /avomark.
 * It only translates: wire shapes, the Avomark error table, the token endpoint; every rule is the engine's.
 */
import type { FastifyInstance } from 'fastify';
import { bearerAuth } from '../../http/plugins/auth.js';
import { defineDialect } from '../kit/define-dialect.js';
import { AVOMARK_EXAMPLES } from './openapi-examples.js';
import { avomarkErrorFormat } from './errors.js';
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

/** Every route also answers with a trailing slash (hidden from the OpenAPI document). */
function addTrailingSlashTwins(app: FastifyInstance): void {
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
}

export const avomarkDialect = defineDialect({
  name: 'avomark',
  prefix: '/avomark',
  examples: AVOMARK_EXAMPLES,
  listener: { title: 'Avomark', order: 1 },
  errorFormat: avomarkErrorFormat,
  // The guide's tables capitalise field names (Receipt, Purchases, Cards); typed clients send null for
  // unset members. Null keeps its meaning ("clear") only on the customer fields a PUT may clear.
  lenientBodies: { caseInsensitive: true, keepNull: CLEARABLE_CUSTOMER_FIELDS },
  securitySchemes: {
    avomarkBearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'Avomark API360. Get a token from POST /avomark/api/token with username, password and terminal (demo: demo / demo, terminal 1).',
    },
  },
  // The guide writes some paths with a trailing slash (/api/v1/customers/, /api/v1/tools/civilities/):
  // every route also answers with one.
  setup: addTrailingSlashTwins,
  open: (deps) => [avomarkTokenRoutes(deps)],
  areas: [
    {
      auth: bearerAuth,
      // Idempotency-Key, as on /v1: a creation retried with its key replays the answer, creates nothing.
      idempotency: true,
      security: [{ avomarkBearer: [] }],
      routes: (deps) => [
        avomarkCustomerRoutes(deps),
        avomarkReferenceRoutes,
        avomarkCardRoutes(deps),
        avomarkDetailRoutes(deps),
      ],
    },
  ],
});
