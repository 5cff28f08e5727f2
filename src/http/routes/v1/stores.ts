import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as stores from '../../../app/admin/stores.js';
import * as terminals from '../../../app/admin/terminals.js';
import type { Deps } from '../../../app/context.js';
import { MANAGER_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import {
  List,
  StoreCreate,
  StorePatch,
  StoreView,
  TerminalCreate,
  TerminalView,
} from '../../schemas/admin.schema.js';
import { IdParams, errorResponses } from '../../schemas/common.js';

const tags = ['administration'];
const administrators = requireRole('administrator');
const managers = requireRole(...MANAGER_ROLES);

export function storeRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/stores',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Create a store',
          description:
            "Administrators only. The code is what tills send as storeCode. The currency (ISO 4217, default the merchant's) is the currency of the store's sales; the time zone (IANA, default UTC) is its local time.",
          body: StoreCreate,
          response: { 201: StoreView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const store = unwrap(await stores.createStore(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/stores/${store.id}`).send(store);
      },
    );

    app.get(
      '/stores',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: 'List the stores',
          description: 'Administrators and directors. Every store of the merchant, by code.',
          response: { 200: List(StoreView), ...errorResponses },
        },
      },
      async (request) => ({ data: await stores.listStores(deps, merchantOf(request)), nextCursor: null }),
    );

    app.patch(
      '/stores/:id',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Update a store (name, region, time zone, currency)',
          description: 'Administrators only. Fields absent are kept; the code is fixed (tills send it).',
          params: IdParams,
          body: StorePatch,
          response: { 200: StoreView, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await stores.updateStore(deps, merchantOf(request), request.params.id, request.body)),
    );

    app.post(
      '/terminals',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Create a terminal (a till) in a store',
          description:
            'Administrators only. Name the store by storeCode or storeId. Users log in on a terminal with the password grant and terminal=<code>; their sales are booked at its store.',
          body: TerminalCreate,
          response: { 201: TerminalView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const terminal = unwrap(await terminals.createTerminal(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/terminals/${terminal.id}`).send(terminal);
      },
    );

    app.get(
      '/terminals',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: 'List the terminals',
          description: 'Administrators and directors. Every terminal of the merchant, or of one store.',
          querystring: Type.Object(
            { storeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })) },
            { additionalProperties: false },
          ),
          response: { 200: List(TerminalView), ...errorResponses },
        },
      },
      async (request) => ({
        data: unwrap(await terminals.listTerminals(deps, merchantOf(request), request.query)),
        nextCursor: null,
      }),
    );
  };
}
