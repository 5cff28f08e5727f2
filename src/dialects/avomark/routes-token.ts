import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { issueToken } from '../../app/auth/issue-token.js';
import type { Deps } from '../../app/context.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { TAGS } from './schemas.js';

const OAUTH_ERRORS: Record<string, string> = {
  INVALID_GRANT: 'invalid_grant',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  TOO_MANY_ATTEMPTS: 'too_many_attempts',
};

const OAuthError = Type.Object({ error: Type.String(), error_description: Type.String() });

function param(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string' || value.length > 500) {
    throw new HttpError('INVALID_REQUEST', `${name} must be a string.`);
  }
  return value;
}

/**
 * POST /api/token: username, password and terminal (form-encoded or JSON), as the Avomark guide lists
 * them; grant_type may be sent and must then be "password". Errors follow RFC 6749, as the token endpoint
 * of the original (an OAuth password grant at /api/token) answers them.
 */
export function avomarkTokenRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const e = prepareErrorReply(request, reply, error);
      request.xmlRoot = 'Error';
      return reply
        .code(e.status)
        .header('Cache-Control', 'no-store')
        .send({ error: OAUTH_ERRORS[e.code] ?? 'invalid_request', error_description: e.message });
    });

    app.post(
      '/api/token',
      {
        schema: {
          tags: TAGS,
          summary: 'Get a token (username, password, terminal)',
          description:
            "Avomark login: a user's username and password, and the terminal (till) code. Answers the bearer token the other Avomark routes need; Wrong credentials or an unknown terminal are refused.",
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: Type.Object(
            {
              username: Type.Optional(Type.String()),
              password: Type.Optional(Type.String()),
              terminal: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
              grant_type: Type.Optional(Type.String()),
            },
            { additionalProperties: true },
          ),
          response: {
            200: Type.Object({
              access_token: Type.String(),
              token_type: Type.String(),
              expires_in: Type.Integer({ description: 'Seconds of validity' }),
            }),
            400: OAuthError,
            401: OAuthError,
            415: OAuthError,
            429: OAuthError,
          },
        },
        // Parameters are checked by hand so that the errors follow RFC 6749.
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
          string,
          unknown
        >;
        const grantType = param(body, 'grant_type');
        if (grantType !== undefined && grantType !== 'password')
          throw new HttpError('UNSUPPORTED_GRANT_TYPE');
        const username = param(body, 'username');
        const password = param(body, 'password');
        if (username === undefined || password === undefined) {
          throw new HttpError('INVALID_REQUEST', 'username and password are required.');
        }
        const grant = unwrap(
          await issueToken(
            deps,
            { grantType: 'password', username, password, terminal: param(body, 'terminal') },
            request.ip,
          ),
        );
        request.xmlRoot = 'Token';
        reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
        return {
          access_token: grant.accessToken,
          token_type: grant.tokenType.toLowerCase(),
          expires_in: grant.expiresIn,
        };
      },
    );
  };
}
