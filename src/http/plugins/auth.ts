import type { FastifyReply, FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import { authenticateToken } from '../../app/auth/issue-token.js';
import type { Caller, Deps, Role } from '../../app/context.js';
import { HttpError } from '../http-error.js';

/** Bearer-token authentication for a route subtree (RFC 6750). */
export function bearerAuth(deps: Deps): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      reply.header('WWW-Authenticate', 'Bearer realm="tessera"');
      throw new HttpError(
        'UNAUTHENTICATED',
        header
          ? 'The Authorization header must be "Bearer <token>".'
          : 'Send an Authorization: Bearer <token> header; get a token from POST /oauth/token.',
      );
    }
    const result = await authenticateToken(deps, match[1]);
    if (!result.ok) {
      reply.header(
        'WWW-Authenticate',
        `Bearer realm="tessera", error="invalid_token", error_description="${result.code === 'TOKEN_EXPIRED' ? 'token expired' : 'unknown token'}"`,
      );
      throw HttpError.from(result);
    }
    request.caller = result.value;
  };
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError('UNAUTHENTICATED');
  return request.caller;
}

/** The merchant every query of this request is scoped to. */
export function merchantOf(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (!caller.merchantId) throw new HttpError('NO_MERCHANT');
  return caller.merchantId;
}

export function requireRole(...roles: Role[]): preHandlerHookHandler {
  return async (request) => {
    const caller = callerOf(request);
    if (!roles.includes(caller.role)) {
      throw new HttpError('FORBIDDEN', `This operation needs one of the roles: ${roles.join(', ')}.`);
    }
  };
}
