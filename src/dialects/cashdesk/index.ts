/**
 * CashDesk Card Service (bpm'online loyalty processing), spec/cashdesk.md: HTTP Basic authentication,
 * the {Status, Key, Value} envelope on every answer, routes under /api/card. Mount it at /cashdesk.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';
import { installErrorFormat, prepareErrorReply } from '../../http/plugins/errors.js';
import { installLenientBodies } from '../../http/plugins/lenient-body.js';
import { denyByDefault } from '../../http/plugins/auth.js';
import { refuseCrossSiteRequests } from '../../http/plugins/request-origin.js';
import { basicAuth } from './auth.js';
import { failure, transportKey } from './envelope.js';
import { cashdeskRoutes } from './routes.js';

export function cashdeskDialect(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const format = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const e = prepareErrorReply(request, reply, error);
      return reply
        .code(e.status)
        .type('application/json')
        .send(failure(transportKey(e.code, e.status), e.message));
    };
    installErrorFormat(app, format);
    // null for a parameter (a reason name, the unused one of Number / ContactMobileNumber) is no parameter;
    // a null body is no body.
    installLenientBodies(app);
    app.setNotFoundHandler((request, reply) => {
      const e = prepareErrorReply(
        request,
        reply,
        new HttpError(
          'ROUTE_NOT_FOUND',
          `No CashDesk method for ${request.method} ${request.url.split('?')[0]}.`,
        ),
      );
      return reply.code(e.status).type('application/json').send(failure('MethodNotFound', e.message));
    });
    // Browsers remember Basic credentials and /issue and /active are GETs: cross-site requests are refused.
    refuseCrossSiteRequests(app);
    app.addHook('onRequest', basicAuth(deps));
    denyByDefault(app);
    await app.register(cashdeskRoutes(deps), { prefix: '/api/card' });
  };
}
