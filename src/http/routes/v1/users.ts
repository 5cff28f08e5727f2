import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import * as users from '../../../app/admin/users.js';
import type { Deps } from '../../../app/context.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { List, PasswordReset, UserCreate, UserPatch, UserView } from '../../schemas/admin.schema.js';
import { IdParams, errorResponses } from '../../schemas/common.js';

const tags = ['administration'];
const administrators = requireRole('administrator');

export function userRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/users',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'Create a user (a person who logs in with the password grant)',
          description:
            'Administrators only. The password must have at least 10 characters, not be one of the most common passwords and not contain the login; it is stored hashed and never returned.',
          body: UserCreate,
          response: { 201: UserView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = unwrap(await users.addUser(deps, { merchantId: merchantOf(request) }, request.body));
        return reply.code(201).header('Location', `/v1/users/${user.id}`).send(user);
      },
    );

    app.get(
      '/users',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: 'List the users',
          description: 'Administrators only. Passwords are never shown.',
          response: { 200: List(UserView), ...errorResponses },
        },
      },
      async (request) => ({ data: await users.listUsers(deps, merchantOf(request)), nextCursor: null }),
    );

    app.patch(
      '/users/:id',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: "Change a user's role, e-mail or active flag",
          description:
            'Administrators only. Deactivating a user or changing their role revokes their tokens. You cannot deactivate yourself or change your own role.',
          params: IdParams,
          body: UserPatch,
          response: { 200: UserView, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(
          await users.updateUser(
            deps,
            callerOf(request),
            merchantOf(request),
            request.params.id,
            request.body,
          ),
        ),
    );

    app.post(
      '/users/:id/password',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: "Reset a user's password",
          description: "Administrators only. Same policy as at creation; the user's tokens are revoked.",
          params: IdParams,
          body: PasswordReset,
          response: {
            200: Type.Object({ id: Type.String(), tokensRevoked: Type.Integer() }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        unwrap(
          await users.resetPassword(deps, merchantOf(request), request.params.id, request.body.password),
        ),
    );
  };
}
