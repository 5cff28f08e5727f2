/**
 * CashDesk Card Service (bpm'online loyalty processing), spec/cashdesk.md: HTTP Basic authentication,
 * the {Status, Key, Value} envelope on every answer, routes under /api/card. Mount it at /cashdesk.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/http-error.js';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { refuseCrossSiteRequests } from '../../http/plugins/request-origin.js';
import { defineDialect } from '../kit/define-dialect.js';
import { CASHDESK_EXAMPLES } from './openapi-examples.js';
import { basicAuth } from './auth.js';
import { failure, transportKey } from './envelope.js';
import { cashdeskRoutes } from './routes.js';

function format(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const e = prepareErrorReply(request, reply, error);
  return reply
    .code(e.status)
    .type('application/json')
    .send(failure(transportKey(e.code, e.status), e.message));
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const e = prepareErrorReply(
    request,
    reply,
    new HttpError(
      'ROUTE_NOT_FOUND',
      `No CashDesk method for ${request.method} ${request.url.split('?')[0]}.`,
    ),
  );
  return reply.code(e.status).type('application/json').send(failure('MethodNotFound', e.message));
}

export const cashdeskDialect = defineDialect({
  name: 'cashdesk',
  prefix: '/cashdesk',
  examples: CASHDESK_EXAMPLES,
  listener: { title: 'CashDesk', order: 3 },
  errorFormat: format,
  notFound,
  // null for a parameter (a reason name, the unused one of Number / ContactMobileNumber) is no parameter;
  // a null body is no body.
  lenientBodies: {},
  securitySchemes: {
    basic: {
      type: 'http',
      scheme: 'basic',
      description:
        "CashDesk Card Service: HTTP Basic with a user's login and password; the user's role decides the block and unblock reasons it may use (demo: aladdin / opensesame, administrator; cd-cashier / cashier).",
    },
  },
  security: [{ basic: [] }],
  // Browsers remember Basic credentials and /issue and /active are GETs: cross-site requests are refused.
  setup: refuseCrossSiteRequests,
  areas: [
    {
      auth: basicAuth,
      // Every path, an unknown one too, asks for the credentials first.
      scope: 'dialect',
      routes: (deps) => [{ plugin: cashdeskRoutes(deps), prefix: '/api/card' }],
    },
  ],
});
