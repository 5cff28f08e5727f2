import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { rotateClientSecret, setPrincipalActive } from '../../../app/auth/revocation.js';
import { listLog, listPrincipals, setFullLogging } from '../../../app/ops/integration-log.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { Nullable, errorResponses } from '../../schemas/common.js';
import { ANY_ROLE } from '../../../core/roles.js';

const tags = ['administration'];

export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me',
      {
        preHandler: requireRole(...ANY_ROLE),
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
          summary:
            'Switch full request/response logging, or activate or deactivate (revoking its tokens), an API client or user',
          description:
            'Administrators. Turns full exchange logging on or off for one principal (e.g. while debugging a till integration), or deactivates it (its tokens are revoked at once) and activates it again. 404 for an unknown principal.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          body: Type.Object(
            { logFull: Type.Optional(Type.Boolean()), active: Type.Optional(Type.Boolean()) },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: {
            200: Type.Object({
              id: Type.String(),
              logFull: Type.Optional(Type.Boolean()),
              active: Type.Optional(Type.Boolean()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const merchantId = merchantOf(request);
        const { logFull, active } = request.body;
        const logged =
          logFull === undefined ? {} : unwrap(await setFullLogging(deps, merchantId, id, logFull));
        const activated =
          active === undefined ? {} : unwrap(await setPrincipalActive(deps, merchantId, id, active));
        return { id, ...logged, ...activated };
      },
    );

    app.post(
      '/principals/:id/secret',
      {
        preHandler: requireRole('administrator'),
        config: { replayable: false },
        schema: {
          tags,
          summary: 'Give an API client a new secret (shown once); every token of the old one is revoked',
          description:
            'Administrators. For a secret that leaked or a till being retired: the answer carries the new secret, which is never shown again, and every token issued with the old one stops working at once. 404 for an unknown API client. Not replayable: the answer is never stored, so a retry with the same Idempotency-Key gets 409 IDEMPOTENT_ANSWER_NOT_KEPT; rotate again (with a new key) if the answer was lost.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: {
            200: Type.Object({ id: Type.String(), clientSecret: Type.String() }),
            ...errorResponses,
          },
        },
      },
      async (request) => unwrap(await rotateClientSecret(deps, merchantOf(request), request.params.id)),
    );
  };
}
