/**
 * POST /api/{version}/service-authentification/token (spec/mmp.md §2): the OAuth2 password grant with a
 * client id and secret, and the refresh-token grant; JSON or form body; errors in the league/oauth2-server
 * shape {error, error_description, message}, English only.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { passwordGrant, refreshGrant } from '../../app/auth/password-grant.js';
import type { Deps } from '../../app/context.js';
import { VERSIONS } from './context.js';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { MESSAGES, MmpError, failureBody, langOf, notFound } from './envelope.js';

export const TOKEN_TTL_SECONDS = 7200;

const OAUTH_ERRORS = {
  invalid_request:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  invalid_client: 'Client authentication failed',
  invalid_grant: 'The user credentials were incorrect.',
  invalid_refresh: 'The refresh token is invalid.',
} as const;

function oauthError(reply: FastifyReply, status: number, error: string, text: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header('Pragma', 'no-cache')
    .type('application/json')
    .send({ error, error_description: text, message: text });
}

const OAuthError = Type.Object({
  error: Type.String(),
  error_description: Type.String(),
  message: Type.String(),
});

/** Read by hand: every malformation is an OAuth invalid_request. JSON or form-encoded. */
const TokenBody = Type.Unknown({
  examples: [
    {
      grant_type: 'password',
      client_id: '2',
      client_secret: 'mmp-demo-secret',
      username: 'my-personnal-account@domainmail.com',
      password: 'demo-password',
    },
  ],
});

const TokenAnswer = Type.Object(
  {
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer(),
    access_token: Type.String(),
    refresh_token: Type.String(),
  },
  {
    examples: [
      {
        token_type: 'Bearer',
        expires_in: 7200,
        access_token: 'Jm3cV0qYbq8bY1oS7uQ2m5kq2H6tW0hZ4yX9rE1dC3fA',
        refresh_token: 'p0L8sK2dF6gH9jQ1wE4rT7yU0iO3pA5sD8fG2hJ6kL9z',
      },
    ],
  },
);

/**
 * Errors of the token route in its own OAuth shape (its 400 answer is declared as one): a body that cannot be read
 * (broken JSON, an unsupported media type) is an invalid_request, not the envelope of the other services.
 */
function tokenErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof MmpError) {
    request.failure = { status: error.status, code: 'VALIDATION_FAILED', message: error.message };
    return reply
      .code(error.status)
      .type('application/json; charset=utf-8')
      .send(failureBody(error, langOf(request)));
  }
  const e = prepareErrorReply(request, reply, error);
  if (e.status >= 500)
    return oauthError(reply, 500, 'server_error', 'The server met an unexpected condition.');
  return oauthError(
    reply,
    e.status === 413 || e.status === 415 ? e.status : 400,
    'invalid_request',
    OAUTH_ERRORS.invalid_request,
  );
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

export function tokenRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/:version/service-authentification/token',
      {
        // The body is checked by hand: every malformation is an OAuth invalid_request, never a 422 envelope.
        errorHandler: tokenErrorHandler,
        schema: {
          summary: 'Get an access token (OAuth2 password or refresh-token grant)',
          description:
            'Authenticates the API client (client_id, client_secret) and the user (username = e-mail, password). The access token lives 7200 s; the refresh token 30 days, single use. Errors: 400 invalid_request / unsupported_grant_type / invalid_grant, 401 invalid_client.',
          tags: ['MMP Vision 360'],
          security: [],
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          params: Type.Object({ version: Type.String() }),
          body: TokenBody,
          response: { 200: TokenAnswer, 400: OAuthError, 401: OAuthError },
        },
      },
      async (request, reply) => {
        if (!VERSIONS.includes(request.params.version))
          throw notFound('version', MESSAGES.notFound, {
            en: 'Unknown API version.',
            fr: "Version d'API inconnue.",
          });
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
          string,
          unknown
        >;
        const grant = str(body.grant_type);
        if (grant !== 'password' && grant !== 'refresh_token')
          return oauthError(reply, 400, 'unsupported_grant_type', OAUTH_ERRORS.unsupported_grant_type);
        const clientId = str(body.client_id);
        const clientSecret = str(body.client_secret);
        const invalidRequest = () => oauthError(reply, 400, 'invalid_request', OAUTH_ERRORS.invalid_request);
        if (!clientId || !clientSecret) return invalidRequest();
        let result;
        if (grant === 'password') {
          const username = str(body.username);
          const password = str(body.password);
          if (!username || !password) return invalidRequest();
          result = await passwordGrant(
            deps,
            { clientId, clientSecret, username, password, ttlSeconds: TOKEN_TTL_SECONDS },
            request.ip,
          );
        } else {
          const refreshToken = str(body.refresh_token);
          if (!refreshToken) return invalidRequest();
          result = await refreshGrant(deps, {
            clientId,
            clientSecret,
            refreshToken,
            ttlSeconds: TOKEN_TTL_SECONDS,
          });
        }
        if (!result.ok) {
          if (result.code === 'INVALID_CLIENT')
            return oauthError(reply, 401, 'invalid_client', OAUTH_ERRORS.invalid_client);
          if (result.code === 'INVALID_REQUEST')
            return oauthError(reply, 401, 'invalid_request', OAUTH_ERRORS.invalid_refresh);
          if (result.code === 'TOO_MANY_ATTEMPTS') {
            if (result.retryAfter !== undefined) reply.header('Retry-After', String(result.retryAfter));
            return oauthError(reply, 429, 'invalid_grant', OAUTH_ERRORS.invalid_grant);
          }
          return oauthError(reply, 400, 'invalid_grant', OAUTH_ERRORS.invalid_grant);
        }
        request.caller = result.value.caller;
        return reply
          .header('Cache-Control', 'no-store')
          .header('Pragma', 'no-cache')
          .send({
            token_type: 'Bearer' as const,
            expires_in: result.value.expiresIn,
            access_token: result.value.accessToken,
            refresh_token: result.value.refreshToken,
          });
      },
    );
  };
}
