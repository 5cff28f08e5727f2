import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { issueToken, type TokenRequest } from '../../app/auth/issue-token.js';
import { revokeToken } from '../../app/auth/revocation.js';
import type { Deps } from '../../app/context.js';
import { HttpError, unwrap } from '../http-error.js';
import { prepareErrorReply } from '../plugins/errors.js';

const OAUTH_ERRORS: Record<string, string> = {
  INVALID_CLIENT: 'invalid_client',
  INVALID_GRANT: 'invalid_grant',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  TOO_MANY_ATTEMPTS: 'too_many_attempts',
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both parts are form-urlencoded; a broken escape is the client's mistake, not a 500.
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    throw new HttpError('INVALID_REQUEST', 'The Basic credentials hold a malformed %-escape.');
  }
}

/**
 * The parameters of a form or JSON body, unchecked: the routes below switch their validator off so that errors
 * follow RFC 6749, so the body is checked here, one parameter at a time (param, required).
 */
function paramsOf(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' ? { ...body } : {};
}

function param(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new HttpError('INVALID_REQUEST', `${name} must be a string.`);
  if (value.length > 500) throw new HttpError('INVALID_REQUEST', `${name} is too long.`);
  return value;
}

function required(body: Record<string, unknown>, name: string): string {
  const value = param(body, name);
  if (value === undefined) throw new HttpError('INVALID_REQUEST', `The parameter ${name} is required.`);
  return value;
}

export function toTokenRequest(
  body: Record<string, unknown>,
  authorization: string | undefined,
): TokenRequest {
  const grantType = param(body, 'grant_type');
  if (grantType === 'client_credentials') {
    const basic = basicCredentials(authorization);
    return {
      grantType,
      clientId: basic?.id ?? required(body, 'client_id'),
      clientSecret: basic?.secret ?? required(body, 'client_secret'),
    };
  }
  if (grantType === 'password') {
    return {
      grantType,
      username: required(body, 'username'),
      password: required(body, 'password'),
      terminal: param(body, 'terminal'),
    };
  }
  if (grantType === undefined)
    throw new HttpError('INVALID_REQUEST', 'The parameter grant_type is required.');
  throw new HttpError('UNSUPPORTED_GRANT_TYPE');
}

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});

/** RFC 6749 token endpoint: form-encoded (or JSON) body, OAuth error bodies. */
export function oauthRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const e = prepareErrorReply(request, reply, error);
      if (e.code === 'INVALID_CLIENT') reply.header('WWW-Authenticate', 'Basic realm="tessera"');
      return reply
        .code(e.status)
        .header('Cache-Control', 'no-store')
        .send({
          error: OAUTH_ERRORS[e.code] ?? 'invalid_request',
          error_description: e.message,
          requestId: request.id,
        });
    });

    app.post(
      '/oauth/token',
      {
        schema: {
          tags: ['auth'],
          summary: 'Get an access token (client_credentials, or password with an optional terminal)',
          description:
            'OAuth2 token endpoint. An API client sends its id and secret (HTTP Basic or in the body) with grant_type=client_credentials; a user sends username and password with grant_type=password and, on a till, terminal=<code> so that sales are booked at its store. 401 for an unknown client or a wrong secret; 400 (invalid_grant) for a wrong user password or an unknown terminal; 429 after too many failed logins.',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: Type.Object(
            {
              grant_type: Type.String({ enum: ['client_credentials', 'password'] }),
              client_id: Type.Optional(Type.String()),
              client_secret: Type.Optional(Type.String()),
              username: Type.Optional(Type.String()),
              password: Type.Optional(Type.String()),
              terminal: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
            },
            { additionalProperties: true },
          ),
          response: {
            200: TokenResponse,
            '4xx': Type.Object({
              error: Type.String(),
              error_description: Type.String(),
              requestId: Type.String(),
            }),
          },
        },
        // Parameters are checked by hand so the errors follow RFC 6749.
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        const body = paramsOf(request.body);
        const grant = unwrap(
          await issueToken(deps, toTokenRequest(body, request.headers.authorization), request.ip),
        );
        reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
        return { access_token: grant.accessToken, token_type: grant.tokenType, expires_in: grant.expiresIn };
      },
    );

    // RFC 7009: the holder of a token ends it. Unknown or already revoked tokens answer 200 as well.
    app.post(
      '/oauth/revoke',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke an access token (RFC 7009)',
          description:
            'The holder of a token ends it, e.g. when a till logs out. Form-encoded or JSON `token`; an unknown or already revoked token also answers 200, so nothing is learnt about tokens. 400 when `token` is missing.',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: Type.Object(
            { token: Type.String(), token_type_hint: Type.Optional(Type.String()) },
            { additionalProperties: true },
          ),
          response: {
            200: Type.Object({}),
            '4xx': Type.Object({
              error: Type.String(),
              error_description: Type.String(),
              requestId: Type.String(),
            }),
          },
        },
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        const body = paramsOf(request.body);
        await revokeToken(deps, required(body, 'token'));
        reply.header('Cache-Control', 'no-store');
        return {};
      },
    );
  };
}
