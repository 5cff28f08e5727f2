/**
 * The Fidelisa dialect (seed 001), mounted at /fidelisa: provider routes (shops) and shop routes
 * (customers, cards, rule basis, sales, corrections, gifts, notifications), each subtree with its auth hook,
 * and Fidelisa's error body.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { defineDialect } from '../kit/define-dialect.js';
import { FIDELISA_EXAMPLES } from './openapi-examples.js';
import { fidelisaAuth } from './auth.js';
import { jetonsJob } from './jetons-job.js';
import { errorBody, fidelisaStatus } from './mapping.js';
import { customerRoutes } from './routes-customers.js';
import { giftRoutes } from './routes-gifts.js';
import { loyaltyRoutes } from './routes-loyalty.js';
import { providerShopRoutes, shopSettingRoutes } from './routes-shops.js';
import { FIDELISA_SECURITY, FIDELISA_SECURITY_SCHEMES } from './security-schemes.js';

function format(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const e = prepareErrorReply(request, reply, error);
  if (e.status === 401) reply.header('WWW-Authenticate', 'Fidelisa realm="tessera"');
  const status = fidelisaStatus(e.status);
  return reply
    .code(status)
    .type('application/json')
    .send(errorBody(status, e.code, e.message));
}

export const fidelisaDialect = defineDialect({
  name: 'fidelisa',
  prefix: '/fidelisa',
  examples: FIDELISA_EXAMPLES,
  listener: { title: 'Fidelisa', order: 2 },
  jobs: [jetonsJob],
  errorFormat: format,
  // The document knows only JSON: an Accept that lists XML too (RestSharp's default) still gets JSON.
  jsonOnly: true,
  // Typed clients send null for unset members; on customer fields null clears the field (update).
  lenientBodies: { keepNull: ['email', 'phone', 'first_name', 'last_name', 'birth_day', 'birth_month'] },
  securitySchemes: FIDELISA_SECURITY_SCHEMES,
  security: FIDELISA_SECURITY,
  areas: [
    {
      auth: (deps) => fidelisaAuth(deps, false),
      grantRoles: STAFF_ROLES,
      routes: (deps) => [providerShopRoutes(deps)],
    },
    {
      auth: (deps) => fidelisaAuth(deps, true),
      grantRoles: STAFF_ROLES,
      routes: (deps) => [
        shopSettingRoutes(deps),
        customerRoutes(deps),
        loyaltyRoutes(deps),
        giftRoutes(deps),
      ],
    },
  ],
});
