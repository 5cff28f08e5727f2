import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Deps } from '../app/context.js';
import { cashdeskDialect } from '../dialects/cashdesk/index.js';
import { newId } from '../app/ids.js';
import { avomarkRoutes } from '../dialects/avomark/index.js';
import { fidelisaDialect } from '../dialects/fidelisa/index.js';
import { bearerAuth, denyByDefault } from './plugins/auth.js';
import { frameworkErrors, installNativeErrors } from './plugins/errors.js';
import { installIdempotency } from './plugins/idempotency.js';
import { installIntegrationLog } from './plugins/integration-log.js';
import { installMetrics } from './plugins/metrics.js';
import { installContentNegotiation } from './plugins/negotiation.js';
import { healthRoutes } from './routes/health.js';
import { oauthRoutes } from './routes/oauth.js';
import { adminRoutes } from './routes/v1/admin.js';
import { balanceRoutes } from './routes/v1/balances.js';
import { cardRoutes } from './routes/v1/cards.js';
import { customerRoutes, customerSchemas } from './routes/v1/customers.js';
import { programRoutes } from './routes/v1/programs.js';
import { giftRoutes } from './routes/v1/gifts.js';
import { referenceRoutes } from './routes/v1/reference.js';
import { saleRoutes } from './routes/v1/sales.js';
import { voucherRoutes } from './routes/v1/vouchers.js';
import { ErrorBody } from './schemas/common.js';
import { Customer, CustomerPage } from './schemas/customer.schema.js';
import { createValidatorCompiler } from './validation.js';
import './types.js';

export interface AppOptions {
  logger?: boolean | object;
}

/** Trusts the nearest `hops` proxies (a load balancer in front of Tessera is one hop). */
function hopsTrusted(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => newId('req'),
    // A client that sends its request one byte at a time is cut off; an idle keep-alive connection is closed.
    requestTimeout: deps.config.connections.requestTimeoutMs,
    connectionTimeout: deps.config.connections.requestTimeoutMs * 2,
    keepAliveTimeout: deps.config.connections.keepAliveTimeoutMs,
    // Node checks the request deadline only every connectionsCheckingInterval (30 s by default).
    http: {
      connectionsCheckingInterval: Math.max(
        250,
        Math.min(5000, deps.config.connections.requestTimeoutMs / 4),
      ),
    },
    requestIdHeader: false,
    // The caller's address (login throttle, logs) is the socket's unless the deployment names its proxies.
    trustProxy:
      typeof deps.config.trustProxy === 'number'
        ? hopsTrusted(deps.config.trustProxy)
        : deps.config.trustProxy,
    // Router errors (path parameter too long, broken percent-escape) in the error format of the path's API.
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const sharedSchemas = [ErrorBody, Customer, CustomerPage, ...customerSchemas];
  app.setValidatorCompiler(createValidatorCompiler(sharedSchemas));

  app.decorateRequest('caller', null);
  app.decorateRequest('failure', null);
  app.decorateRequest('sentPayload', null);
  app.decorateRequest('xmlRoot', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  // The body must have arrived within the request deadline, however slowly it trickles (Node's own
  // requestTimeout does not cover a body that keeps the socket busy).
  const deadline = deps.config.connections.requestTimeoutMs;
  if (deadline > 0) {
    app.addHook('onRequest', async (request) => {
      if (request.raw.complete) return;
      const timer = setTimeout(() => {
        if (!request.raw.complete) request.raw.socket?.destroy();
      }, deadline);
      timer.unref();
      request.raw.once('end', () => clearTimeout(timer));
      request.raw.once('close', () => clearTimeout(timer));
    });
  }

  await app.register(formbody, { bodyLimit: deps.config.bodyLimitBytes });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tessera',
        version: '0.1.0',
        description:
          'Loyalty and promotions server. Native API under /v1; compatibility APIs for existing POS protocols under their own prefixes.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
  });
  for (const schema of sharedSchemas) app.addSchema(schema);

  installNativeErrors(app);
  installContentNegotiation(app);
  installIntegrationLog(app, deps);
  installMetrics(app);

  await app.register(healthRoutes(deps));
  await app.register(oauthRoutes(deps));
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', bearerAuth(deps));
      denyByDefault(v1);
      installIdempotency(v1, deps);
      v1.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ bearer: [] }] };
      });
      await v1.register(customerRoutes(deps));
      await v1.register(programRoutes(deps));
      await v1.register(cardRoutes(deps));
      await v1.register(saleRoutes(deps));
      await v1.register(balanceRoutes(deps));
      await v1.register(voucherRoutes(deps));
      await v1.register(giftRoutes(deps));
      await v1.register(referenceRoutes);
      await v1.register(adminRoutes(deps));
    },
    { prefix: '/v1' },
  );
  await app.register(avomarkRoutes(deps), { prefix: '/avomark' });
  await app.register(cashdeskDialect(deps), { prefix: '/cashdesk' });
  await app.register(fidelisaDialect(deps), { prefix: '/fidelisa' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });
  return app;
}
