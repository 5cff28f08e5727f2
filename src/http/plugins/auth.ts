import type {
  FastifyInstance,
  FastifyRequest,
  onRequestHookHandler,
  preHandlerHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
import { authenticateToken } from '../../app/auth/issue-token.js';
import type { Caller, Deps, Role } from '../../app/context.js';
import type { Result } from '../../core/error-catalog.js';
import { HttpError } from '../http-error.js';
import { continueAfter } from './hook-promise.js';

/**
 * Bearer-token authentication for a route subtree (RFC 6750). A callback hook, not an async one: a token read
 * lately is answered without a promise, and every authenticated request passes here.
 */
export function bearerAuth(deps: Deps): onRequestHookHandler {
  return (request, reply, done) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      reply.header('WWW-Authenticate', 'Bearer realm="tessera"');
      done(
        new HttpError(
          'UNAUTHENTICATED',
          header
            ? 'The Authorization header must be "Bearer <token>".'
            : 'Send an Authorization: Bearer <token> header; get a token from POST /oauth/token.',
        ),
      );
      return;
    }
    const settle = (result: Result<Caller>) => {
      if (!result.ok) {
        reply.header(
          'WWW-Authenticate',
          `Bearer realm="tessera", error="invalid_token", error_description="${result.code === 'TOKEN_EXPIRED' ? 'token expired' : 'unknown token'}"`,
        );
        done(HttpError.from(result));
        return;
      }
      request.caller = result.value;
      done();
    };
    const result = authenticateToken(deps, match[1]);
    if (result instanceof Promise) continueAfter(result, done, settle);
    else settle(result);
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

const ROLE_LIST = Symbol('tessera.roles');
type RoleCheck = preHandlerHookHandler & { [ROLE_LIST]: readonly Role[] };

/** A preHandler that lets only these roles through; every authenticated route must have one. */
export function requireRole(...roles: Role[]): preHandlerHookHandler {
  const check: preHandlerHookHandler = (request, _reply, done) => {
    const caller = request.caller;
    if (!caller) done(new HttpError('UNAUTHENTICATED'));
    else if (!roles.includes(caller.role)) {
      done(new HttpError('FORBIDDEN', `This operation needs one of the roles: ${roles.join(', ')}.`));
    } else done();
  };
  return Object.assign(check, { [ROLE_LIST]: roles }) as RoleCheck;
}

/** The roles a route lets through, or undefined when it declares none. */
export function rolesOf(
  route: Pick<RouteOptions, 'preHandler' | 'preValidation'>,
): readonly Role[] | undefined {
  const hooks = [route.preValidation ?? [], route.preHandler ?? []].flat() as Partial<RoleCheck>[];
  return hooks.find((hook) => hook[ROLE_LIST] !== undefined)?.[ROLE_LIST];
}

/**
 * Deny by default: a route of an authenticated subtree that declares no role list (requireRole in its
 * preHandler) stops the server from starting, instead of being open to every role.
 */
export function denyByDefault(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    const roles = rolesOf(route);
    if (!roles) {
      throw new Error(`${String(route.method)} ${route.url} declares no role list (requireRole).`);
    }
    // Checked before the body is validated or an Idempotency-Key claimed: a refused role learns nothing.
    const early = [route.preValidation ?? []].flat() as Partial<RoleCheck>[];
    if (early.some((hook) => hook[ROLE_LIST] !== undefined)) return;
    const hooks = [route.preHandler ?? []].flat() as Partial<RoleCheck>[];
    route.preHandler = hooks.filter((hook) => hook[ROLE_LIST] === undefined) as preHandlerHookHandler[];
    route.preValidation = [
      requireRole(...roles) as unknown as preValidationHookHandler,
      ...[route.preValidation ?? []].flat(),
    ];
  });
}

/**
 * For a subtree whose auth scheme carries no role (a Fidelisa signature is a shop's system, a till): every
 * route of it gets this role list unless it declares its own. Register before denyByDefault.
 */
export function grantRoles(scope: FastifyInstance, roles: readonly Role[]): void {
  const check = requireRole(...roles);
  scope.addHook('onRoute', (route) => {
    if (!rolesOf(route)) route.preHandler = [check, ...[route.preHandler ?? []].flat()];
  });
}
