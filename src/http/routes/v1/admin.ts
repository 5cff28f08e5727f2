import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { listLog, listPrincipals, setFullLogging } from '../../../app/ops/integration-log.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { Nullable, errorResponses } from '../../schemas/common.js';

const tags = ['administration'];

export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: {
          tags,
          summary: 'Who the token belongs to',
          description:
            "The API client or user behind the token, its merchant, role and, for a user logged in on a terminal, the terminal and store. Useful to check a till's configuration.",
          response: {
            200: Type.Object({
              principalKind: Type.String(),
              principalId: Type.String(),
              merchantId: Nullable(Type.String()),
              providerId: Nullable(Type.String()),
              role: Type.String(),
              terminalId: Nullable(Type.String()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => callerOf(request),
    );

    app.get(
      '/integration-log',
      {
        preHandler: requireRole('administrator'),
        schema: {
          tags,
          summary:
            'Integration log: failed requests (kind=error), full exchanges (kind=full) and administration changes (kind=audit), newest first',
          description:
            'Administrators. For support: the requests that failed, the full exchanges of principals whose logging is switched on, and the audit of administration changes, by pages.',
          querystring: Type.Object(
            {
              kind: Type.Optional(
                Type.Union([Type.Literal('error'), Type.Literal('full'), Type.Literal('audit')]),
              ),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              cursor: Type.Optional(Type.String({ maxLength: 64 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              data: Type.Array(
                Type.Object({
                  id: Type.String(),
                  kind: Type.String(),
                  requestId: Type.String(),
                  principalId: Nullable(Type.String()),
                  method: Type.String(),
                  url: Type.String(),
                  status: Type.Integer(),
                  errorCode: Nullable(Type.String()),
                  errorMessage: Nullable(Type.String()),
                  requestBody: Nullable(Type.String()),
                  responseBody: Nullable(Type.String()),
                  durationMs: Type.Integer(),
                  createdAt: Type.String(),
                }),
              ),
              nextCursor: Nullable(Type.String()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => listLog(deps, merchantOf(request), request.query),
    );

    const Principal = Type.Object({
      id: Type.String(),
      kind: Type.String(),
      login: Type.String(),
      name: Nullable(Type.String()),
      role: Type.String(),
      logFull: Type.Boolean(),
      active: Type.Boolean(),
    });

    app.get(
      '/principals',
      {
        preHandler: requireRole('administrator'),
        schema: {
          tags,
          summary: 'API clients and users of the merchant, with their logging switch',
          description:
            'Administrators. Every API client and user, with whether their full exchanges are logged.',
          response: { 200: Type.Object({ data: Type.Array(Principal) }), ...errorResponses },
        },
      },
      async (request) => ({ data: await listPrincipals(deps, merchantOf(request)) }),
    );

    app.patch(
      '/principals/:id',
      {
        preHandler: requireRole('administrator'),
        schema: {
          tags,
          summary: 'Switch full request/response logging for an API client or user',
          description:
            'Administrators. Turns full exchange logging on or off for one principal, e.g. while debugging a till integration. 404 for an unknown principal.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          body: Type.Object({ logFull: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Type.String(), logFull: Type.Boolean() }), ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await setFullLogging(deps, merchantOf(request), request.params.id, request.body.logFull)),
    );
  };
}
