/**
 * PROMO authentication, as its Spring Security OAuth2 server does it: POST /promo/oauth/token with the
 * client (my-client, empty secret) in HTTP Basic and a password grant with scope=read; every service then
 * needs Authorization: Bearer <access_token>, or answers 401 with Spring's error body.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientPasswordGrant } from '../../app/auth/client-password-grant.js';
import { authenticateToken } from '../../app/auth/issue-token.js';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { TAGS } from './wire/common.js';

/** Spring's OAuth error body: { error, error_description } (+ scope for invalid_scope). */
export class OAuthRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(description);
  }
}

const FULL_AUTH = 'Full authentication is required to access this resource';

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function sendOAuthRefusal(reply: FastifyReply, refusal: OAuthRefusal) {
  if (refusal.status === 401) {
    reply.header(
      'WWW-Authenticate',
      `Bearer realm="oauth", error="${refusal.error}", error_description="${refusal.description}"`,
    );
  }
  return reply
    .code(refusal.status)
    .header('Cache-Control', 'no-store')
    .type('application/json')
    .send({ error: refusal.error, error_description: refusal.description, ...refusal.extra });
}

const OAuthError = Type.Object(
  { error: Type.String(), error_description: Type.String(), scope: Type.Optional(Type.String()) },
  { examples: [{ error: 'invalid_grant', error_description: 'Bad credentials' }] },
);

export function promoTokenRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.setErrorHandler((error, request, reply) => {
      if (error instanceof OAuthRefusal) return sendOAuthRefusal(reply, error);
      const e = prepareErrorReply(request, reply, error);
      const code = e.code === 'TOO_MANY_ATTEMPTS' ? 'too_many_attempts' : 'invalid_request';
      return sendOAuthRefusal(reply, new OAuthRefusal(e.status, code, e.message));
    });
    app.post(
      '/oauth/token',
      {
        schema: {
          tags: TAGS,
          summary: 'Get a token (client my-client by HTTP Basic, password grant, scope=read)',
          description:
            'PROMO OAuth2 token endpoint: `curl -u my-client: -d grant_type=password -d username=sender -d password=mate -d scope=read`. Answers a Spring-style token body; the access_token goes in `Authorization: Bearer` on every /promo service. 401 without client credentials or with a wrong client secret; 400 `invalid_grant` (Bad credentials) for a wrong user or password, `unsupported_grant_type` for another grant, `invalid_scope` for a scope other than read.',
          consumes: ['application/x-www-form-urlencoded'],
          body: Type.Object(
            {
              grant_type: Type.String(),
              username: Type.String(),
              password: Type.String(),
              scope: Type.Optional(Type.String()),
            },
            {
              additionalProperties: true,
              examples: [{ grant_type: 'password', username: 'sender', password: 'mate', scope: 'read' }],
            },
          ),
          response: {
            200: Type.Object(
              {
                access_token: Type.String(),
                token_type: Type.String(),
                expires_in: Type.Integer(),
                scope: Type.String(),
              },
              {
                examples: [
                  {
                    access_token: 'dcb8a705-8b04-409f-98b7-3cd93fc7be3f',
                    token_type: 'bearer',
                    expires_in: 3599,
                    scope: 'read',
                  },
                ],
              },
            ),
            400: OAuthError,
            401: OAuthError,
            429: OAuthError,
          },
          security: [{ promoClient: [] }],
        },
        validatorCompiler: () => () => true,
      },
      async (request, reply) => {
        const client = basicCredentials(request.headers.authorization);
        if (!client) throw new OAuthRefusal(401, 'unauthorized', FULL_AUTH);
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
          string,
          unknown
        >;
        const grantType = field(body, 'grant_type');
        if (!grantType) throw new OAuthRefusal(400, 'invalid_request', 'Missing grant type');
        if (grantType !== 'password') {
          throw new OAuthRefusal(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
        }
        const scope = field(body, 'scope') ?? 'read';
        if (scope.split(' ').some((s) => s !== 'read')) {
          throw new OAuthRefusal(400, 'invalid_scope', `Invalid scope: ${scope}`, { scope: 'read' });
        }
        const username = field(body, 'username');
        const password = field(body, 'password');
        if (!username || !password) throw new OAuthRefusal(400, 'invalid_grant', 'Bad credentials');
        const grant = await clientPasswordGrant(deps, client, { username, password }, request.ip);
        if (!grant.ok) {
          if (grant.code === 'INVALID_CLIENT')
            throw new OAuthRefusal(401, 'invalid_client', 'Bad client credentials');
          if (grant.code === 'TOO_MANY_ATTEMPTS') throw HttpError.from(grant);
          throw new OAuthRefusal(400, 'invalid_grant', 'Bad credentials');
        }
        reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
        return {
          access_token: grant.value.accessToken,
          token_type: 'bearer',
          expires_in: grant.value.expiresIn,
          scope: 'read',
        };
      },
    );
  };
}

/** Bearer authentication of the services: Spring's 401 bodies for a missing, unknown or expired token. */
export function promoBearer(deps: Deps) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) throw new OAuthRefusal(401, 'unauthorized', FULL_AUTH);
    const result = await authenticateToken(deps, match[1]);
    if (!result.ok) {
      const description =
        result.code === 'TOKEN_EXPIRED'
          ? `Access token expired: ${match[1]}`
          : `Invalid access token: ${match[1]}`;
      throw new OAuthRefusal(401, 'invalid_token', description);
    }
    request.caller = result.value;
  };
}
