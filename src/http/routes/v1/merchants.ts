import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import * as merchants from '../../../app/admin/merchants.js';
import type { Deps } from '../../../app/context.js';
import { HttpError, unwrap } from '../../http-error.js';
import { callerOf, requireRole } from '../../plugins/auth.js';
import { List, MerchantCreate, MerchantView } from '../../schemas/admin.schema.js';
import { Nullable, errorResponses } from '../../schemas/common.js';
import type { FastifyRequest } from 'fastify';

const tags = ['administration'];
const administrators = requireRole('administrator');

function providerOf(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (!caller.providerId) throw new HttpError('PROVIDER_REQUIRED');
  return caller.providerId;
}

export function merchantRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/merchants',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Create a merchant (a provider creates its customers)',
          description:
            "Administrators of a provider (integrator) only; a merchant's own administrator gets 403 PROVIDER_REQUIRED. With administrator, also creates the merchant's first administrator (password policy as for users).",
          body: MerchantCreate,
          response: {
            201: Type.Object({
              ...MerchantView.properties,
              administrator: Nullable(Type.Object({ id: Type.String(), login: Type.String() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const created = unwrap(
          await merchants.addMerchantWithAdministrator(deps, providerOf(request), request.body),
        );
        return reply.code(201).header('Location', `/v1/merchants/${created.id}`).send(created);
      },
    );

    app.get(
      '/merchants',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: "List the provider's merchants",
          description: 'Administrators of a provider only.',
          response: { 200: List(MerchantView), ...errorResponses },
        },
      },
      async (request) => ({
        data: await merchants.listMerchants(deps, providerOf(request)),
        nextCursor: null,
      }),
    );
  };
}
