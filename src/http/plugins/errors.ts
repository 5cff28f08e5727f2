import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, normalizeError, type NormalizedError } from '../http-error.js';

/** Records the failure on the request (for the integration log) and sets the headers it calls for. */
export function prepareErrorReply(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): NormalizedError {
  const normalized = normalizeError(error);
  request.failure = normalized;
  if (normalized.internal !== undefined) request.log.error({ err: normalized.internal }, 'unhandled error');
  if (normalized.retryAfter !== undefined) reply.header('Retry-After', String(normalized.retryAfter));
  if (normalized.status === 401 && !reply.hasHeader('WWW-Authenticate')) {
    const reason =
      normalized.code === 'TOKEN_EXPIRED' ? ', error="invalid_token", error_description="token expired"' : '';
    reply.header('WWW-Authenticate', `Bearer realm="tessera"${reason}`);
  }
  return normalized;
}

export function nativeErrorBody(request: FastifyRequest, e: NormalizedError) {
  return {
    error: {
      code: e.code,
      message: e.message,
      requestId: request.id,
      ...(e.details ? { details: e.details } : {}),
    },
  };
}

/** Answers an error in the native format. */
function sendNativeError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const e = prepareErrorReply(request, reply, error);
  return reply.code(e.status).type('application/json').send(nativeErrorBody(request, e));
}

/** The native error format: { error: { code, message, requestId, details? } }. Dialects install their own. */
export function installNativeErrors(app: FastifyInstance): void {
  app.setErrorHandler(sendNativeError);
  app.setNotFoundHandler((request, reply) => {
    const e = prepareErrorReply(
      request,
      reply,
      new HttpError('ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`),
    );
    return reply.code(e.status).type('application/json').send(nativeErrorBody(request, e));
  });
}

export type ErrorFormat = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * The error format of each API mounted under a prefix (dialects install theirs), for the router's errors.
 * One per app instance (buildApp decorates the root with it): two apps in one process never share it.
 */
export class ErrorFormats {
  private readonly byPrefix = new Map<string, ErrorFormat>();

  set(prefix: string, format: ErrorFormat): void {
    this.byPrefix.set(prefix, format);
  }

  /**
   * Fastify's `frameworkErrors` option: errors the router raises before any route or plugin is chosen (a
   * path parameter over maxParamLength → 414, a malformed percent-escape → 400). Without it Fastify answers
   * them with its own body; with it they get the error format of the API the path belongs to.
   */
  readonly frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): unknown => {
    const path = (request.raw.url ?? '').split('?')[0] ?? '';
    for (const [prefix, format] of this.byPrefix) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return format(error, request, reply);
    }
    return sendNativeError(error, request, reply);
  };
}

/** An API's error format: the error handler of its subtree, and for the router's errors under its prefix. */
export function installErrorFormat(app: FastifyInstance, format: ErrorFormat): void {
  if (!app.hasDecorator('errorFormats')) {
    throw new Error(
      'installErrorFormat: the app has no errorFormats (buildApp decorates its root with one).',
    );
  }
  app.errorFormats.set(app.prefix, format);
  app.setErrorHandler(format);
}
