import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Deps } from '../app/context.js';
import { newId } from '../app/ids.js';
import { DIALECTS, dialectExamples, dialectSecuritySchemes } from '../dialects/index.js';
import { installConsole } from './console.js';
import { dialectUrlRewriter, readTls } from './dialect-routing.js';
import { bearerAuth, denyByDefault } from './plugins/auth.js';
import { ErrorFormats, installNativeErrors } from './plugins/errors.js';
import { installIdempotency } from './plugins/idempotency.js';
import { refuseFormBodiesWhereUndocumented } from './plugins/request-origin.js';
import { installIntegrationLog } from './plugins/integration-log.js';
import { installMetrics } from './plugins/metrics.js';
import { installRequestLog } from './plugins/request-log.js';
import { SECURITY_SCHEMES } from './openapi-security.js';
import { installAnswerBatching } from './plugins/answer-batching.js';
import { installContentNegotiation } from './plugins/negotiation.js';
import { healthRoutes } from './routes/health.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { messagingRoutes } from './routes/v1/messaging.js';
import { oauthRoutes } from './routes/oauth.js';
import { adminRoutes } from './routes/v1/admin.js';
import { administrationRoutes } from './routes/v1/administration.js';
import { balanceRoutes } from './routes/v1/balances.js';
import { cardRoutes } from './routes/v1/cards.js';
import { customerRoutes, customerSchemas } from './routes/v1/customers.js';
import { elementRoutes } from './routes/v1/elements.js';
import { programRoutes } from './routes/v1/programs.js';
import { promotionAdminRoutes } from './routes/v1/promotion-admin.js';
import { promotionRoutes } from './routes/v1/promotions.js';
import { reportRoutes } from './routes/v1/reports.js';
import { giftRoutes } from './routes/v1/gifts.js';
import { importRoutes } from './routes/v1/imports.js';
import { catalogRoutes } from './routes/v1/catalogs.js';
import { referenceRoutes } from './routes/v1/reference.js';
import { saleRoutes } from './routes/v1/sales.js';
import { vehicleRoutes } from './routes/v1/vehicles.js';
import { voucherRoutes } from './routes/v1/vouchers.js';
import { workflowRoutes } from './routes/v1/workflows.js';
import { ErrorBody } from './schemas/common.js';
import { Customer, CustomerPage } from './schemas/customer.schema.js';
import { applyExamples } from './openapi-examples.js';
import { createValidatorCompiler } from './validation.js';
import { cachingSerializerFactory } from './serializer-cache.js';
import { lazyChildLogger } from './lazy-child-logger.js';
import './types.js';

export interface AppOptions {
  logger?: boolean | object;
  /** A ready-made pino logger (createLogger: JSON lines or readable lines); takes precedence over logger. */
  loggerInstance?: FastifyBaseLogger;
}

/** A hop count becomes Fastify's function form (its types take no number). */
function trustProxyOption(value: Deps['config']['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const errorFormats = new ErrorFormats();
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? { level: deps.config.logLevel } }),
    // One line per request, written by installRequestLog (quiet for probes, 4xx as warnings).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => newId('req'),
    childLoggerFactory: lazyChildLogger,
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
    // Behind a TLS-terminating proxy, TESSERA_TRUST_PROXY names it (client address and protocol come from it).
    trustProxy: trustProxyOption(deps.config.trustProxy),
    // TESSERA_TLS_CERT / TESSERA_TLS_KEY: HTTPS served directly (typed as the plain server: same API).
    ...((deps.config.tls ? { https: readTls(deps.config.tls) } : {}) as object),
    // A dialect at the root of its own listener or host name (TESSERA_LISTEN_<DIALECT>, TESSERA_HOST_<DIALECT>).
    rewriteUrl: dialectUrlRewriter(deps.config),
    // Router errors (path parameter too long, broken percent-escape) in the error format of the path's API.
    frameworkErrors: errorFormats.frameworkErrors,
    // Response serializers built once per process for a given schema (start-up and test set-up time).
    schemaController: { compilersFactory: { buildSerializer: cachingSerializerFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const sharedSchemas = [ErrorBody, Customer, CustomerPage, ...customerSchemas];
  app.setValidatorCompiler(createValidatorCompiler(sharedSchemas));
  app.decorate('errorFormats', errorFormats);

  app.decorateRequest('caller', null);
  app.decorateRequest('failure', null);
  app.decorateRequest('sentPayload', null);
  app.decorateRequest('xmlRoot', null);
  // The per-request hooks that do no asynchronous work take Fastify's callback form: no promise and no
  // extra microtask per hook and request (measurable on the balance and sale paths).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  // The body must have arrived within the request deadline, however slowly it trickles (Node's own
  // requestTimeout does not cover a body that keeps the socket busy).
  const deadline = deps.config.connections.requestTimeoutMs;
  if (deadline > 0) {
    app.addHook('onRequest', (request, reply, done) => {
      done();
      if (request.raw.complete) return;
      const timer = setTimeout(() => {
        // Injected requests (tests, in-process callers) have a socket stand-in without destroy().
        const socket = request.raw.socket as { destroy?: () => void } | undefined;
        if (!request.raw.complete && typeof socket?.destroy === 'function') socket.destroy();
      }, deadline);
      timer.unref();
      request.raw.once('end', () => clearTimeout(timer));
      request.raw.once('close', () => clearTimeout(timer));
      // Answered before its body was read (a bodyless POST): no deadline left to enforce.
      reply.raw.once('finish', () => clearTimeout(timer));
    });
  }

  refuseFormBodiesWhereUndocumented(app);
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
      components: { securitySchemes: { ...SECURITY_SCHEMES, ...dialectSecuritySchemes() } },
    },
    transformObject: (document) =>
      'openapiObject' in document
        ? applyExamples(document.openapiObject, dialectExamples())
        : document.swaggerObject,
    refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
  });
  for (const schema of sharedSchemas) app.addSchema(schema);

  installNativeErrors(app);
  installAnswerBatching(app);
  installContentNegotiation(app);
  installIntegrationLog(app, deps);
  installRequestLog(app);
  installMetrics(app, deps.config.metricsToken);

  await app.register(healthRoutes(deps));
  await app.register(oauthRoutes(deps));
  await app.register(unsubscribeRoutes(deps));
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', bearerAuth(deps));
      denyByDefault(v1);
      installIdempotency(v1, deps);
      v1.addHook('onRoute', (route) => {
        route.schema = { ...route.schema, security: [{ bearer: [] }, { oauth2: [] }] };
      });
      await v1.register(customerRoutes(deps));
      await v1.register(programRoutes(deps));
      await v1.register(cardRoutes(deps));
      await v1.register(saleRoutes(deps));
      await v1.register(balanceRoutes(deps));
      await v1.register(voucherRoutes(deps));
      await v1.register(giftRoutes(deps));
      await v1.register(promotionRoutes(deps));
      await v1.register(promotionAdminRoutes(deps));
      await v1.register(importRoutes(deps));
      await v1.register(catalogRoutes(deps));
      await v1.register(referenceRoutes);
      await v1.register(adminRoutes(deps));
      await v1.register(administrationRoutes(deps));
      await v1.register(messagingRoutes(deps));
      await v1.register(elementRoutes(deps));
      await v1.register(reportRoutes(deps));
      await v1.register(vehicleRoutes(deps));
      await v1.register(workflowRoutes(deps));
    },
    { prefix: '/v1' },
  );
  for (const dialect of DIALECTS) await app.register(dialect.plugin(deps), { prefix: dialect.prefix });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', persistAuthorization: true },
  });
  await installConsole(app);
  return app;
}
