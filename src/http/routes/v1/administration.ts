import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { recordAudit } from '../../../app/ops/audit-log.js';
import { maskSecrets } from '../../plugins/integration-log.js';
import { clientRoutes } from './clients.js';
import { merchantRoutes } from './merchants.js';
import { storeRoutes } from './stores.js';
import { userRoutes } from './users.js';

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Administration of the tenant: merchants, stores, terminals, users, API clients. Every successful change is
 * audited in the integration log (GET /v1/integration-log?kind=audit); failures are logged as errors there
 * like on every route.
 */
export function administrationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onResponse', async (request, reply) => {
      if (!WRITES.has(request.method) || reply.statusCode >= 400 || !request.caller) return;
      try {
        await recordAudit(deps, {
          merchantId: request.caller.merchantId,
          principalId: request.caller.principalId,
          requestId: request.id,
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          requestBody: maskSecrets(request.body),
          durationMs: reply.elapsedTime,
          address: request.ip,
        });
      } catch (error) {
        request.log.warn({ err: error }, 'audit log write failed');
      }
    });
    await app.register(merchantRoutes(deps));
    await app.register(storeRoutes(deps));
    await app.register(userRoutes(deps));
    await app.register(clientRoutes(deps));
  };
}
