/**
 * PROMO V7.2 services (seed 004, spec/promo-v72.md), mounted at /promo: the OAuth token endpoint, then
 * every service behind a bearer token. It only translates: elements, customers and sales are the engine's.
 */
import type { FastifyInstance } from 'fastify';
import { decodeBody } from '../../http/charset.js';
import { HttpError } from '../../http/http-error.js';
import { defineDialect } from '../kit/define-dialect.js';
import { promoBearer, promoTokenRoutes } from './auth.js';
import { promoErrorFormat } from './errors.js';
import { promoRoutes } from './routes.js';
import { promoImportsJob } from './loading/import-job.js';
import { loadingRoutes } from './loading/routes.js';

/** promoCoreRequest bodies: XML text in the charset the Content-Type declares (ISO-8859-1 or UTF-8). */
function parseXmlText(app: FastifyInstance): void {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : decodeBody(body, request.headers['content-type']);
    if (text instanceof HttpError) done(text, undefined);
    else done(null, text);
  });
}

export const promoDialect = defineDialect({
  name: 'promo',
  prefix: '/promo',
  jobs: [promoImportsJob],
  errorFormat: promoErrorFormat,
  notFound: { message: (method, path) => `No PROMO service for ${method} ${path}.` },
  securitySchemes: {
    promoClient: {
      type: 'http',
      scheme: 'basic',
      description: 'PROMO token endpoint: the client in HTTP Basic (demo: my-client with an empty secret).',
    },
    promoBearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'PROMO services. Get a token: curl -u my-client: -d grant_type=password -d username=sender -d password=mate -d scope=read /promo/oauth/token, then paste its access_token.',
    },
  },
  setup: parseXmlText,
  open: (deps) => [promoTokenRoutes(deps)],
  areas: [
    {
      auth: promoBearer,
      security: [{ promoBearer: [] }],
      routes: (deps) => [promoRoutes(deps), loadingRoutes(deps)],
    },
  ],
});
