/**
 * PROMO error answers. Services answer their documented bodies (thrown as PromoAnswer); anything else
 * (a malformed body, a refused role) gets the {status, description} envelope of the services, and
 * authentication failures Spring's OAuth body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { OAuthRefusal, sendOAuthRefusal } from './auth.js';

/** A documented answer other than success: its HTTP status and its exact body (JSON or XML text). */
export class PromoAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
  ) {
    super(`PROMO answer ${status}`);
  }
}

export const COMPANY_REQUIRED = new PromoAnswer(400, {
  status: 'companyId is Required',
  description: 'Debe enviar el campo companyId',
});
export const COMPANY_INVALID = new PromoAnswer(400, {
  status: 'companyId is Invalid',
  description: 'Debe enviar el campo companyId valido',
});

/** The error format of the whole /promo subtree (not-found answers included). */
export function promoErrorFormat(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof OAuthRefusal) return sendOAuthRefusal(reply, error);
  if (error instanceof PromoAnswer) {
    request.failure = {
      status: error.status,
      code: 'VALIDATION_FAILED',
      message: JSON.stringify(error.body),
    };
    return reply.code(error.status).type(error.contentType).send(error.body);
  }
  const e = prepareErrorReply(request, reply, error);
  return reply.code(e.status).type('application/json').send({ status: e.code, description: e.message });
}
