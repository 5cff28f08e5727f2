import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import * as clients from '../../../app/admin/clients.js';
import type { Deps } from '../../../app/context.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { ClientCreate, ClientView, ClientWithSecret, List } from '../../schemas/admin.schema.js';
import { IdParams, errorResponses } from '../../schemas/common.js';

const tags = ['administration'];
const administrators = requireRole('administrator');
const Revoked = Type.Object({ ...ClientView.properties, tokensRevoked: Type.Integer() });

export function clientRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/clients',
      {
        preHandler: administrators,
        config: { replayable: false },
        schema: {
          tags,
          summary: 'Create an API client (a till, a web shop, a job)',
          description:
            'Administrators only. Answers the client_id and the client_secret for the client_credentials grant; the secret is shown this once (stored hashed). Role default: cashier. Not replayable: an Idempotency-Key still keeps a retry from creating a second client, but the answer (which carries the secret) is never stored, so the retry gets 409 IDEMPOTENT_ANSWER_NOT_KEPT; list the clients to find the one created.',
          body: ClientCreate,
          response: { 201: ClientWithSecret, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { name, role, logFull } = request.body;
        const client = unwrap(
          await clients.addClient(deps, merchantOf(request), { name, role: role ?? 'cashier', logFull }),
        );
        return reply.code(201).header('Location', `/v1/clients/${client.id}`).send(client);
      },
    );

    app.get(
      '/clients',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'List the API clients',
          description: 'Administrators only. Secrets are never shown.',
          response: { 200: List(ClientView), ...errorResponses },
        },
      },
      async (request) => ({ data: await clients.listClients(deps, merchantOf(request)), nextCursor: null }),
    );

    app.post(
      '/clients/:id/rotate-secret',
      {
        preHandler: administrators,
        config: { replayable: false },
        schema: {
          tags,
          summary: 'Give an API client a new secret',
          description:
            "Administrators only. The new secret is shown this once; the old one stops working and the client's tokens are revoked. Not replayable: the answer (which carries the secret) is never stored, so a retry with the same Idempotency-Key gets 409 IDEMPOTENT_ANSWER_NOT_KEPT; rotate again (with a new key) if the answer was lost.",
          params: IdParams,
          response: {
            200: Type.Object({ ...ClientWithSecret.properties, tokensRevoked: Type.Integer() }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        unwrap(await clients.rotateClientSecret(deps, merchantOf(request), request.params.id)),
    );

    for (const active of [false, true]) {
      app.post(
        `/clients/:id/${active ? 'activate' : 'deactivate'}`,
        {
          preHandler: administrators,
          schema: {
            tags,
            summary: active
              ? 'Reactivate an API client'
              : 'Deactivate an API client (its tokens are revoked)',
            description: active
              ? 'Administrators only. The client can get tokens again with its current secret.'
              : 'Administrators only. The client can no longer get tokens, and the tokens it has stop working at once.',
            params: IdParams,
            response: { 200: Revoked, ...errorResponses },
          },
        },
        async (request) =>
          unwrap(await clients.setClientActive(deps, merchantOf(request), request.params.id, active)),
      );
    }
  };
}
