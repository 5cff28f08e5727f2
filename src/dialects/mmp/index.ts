/**
 * MMP Vision 360 (automotive after-sales customer 360, spec/mmp.md), mounted at /mmp: the token endpoint,
 * the eight vehicle web services, the member and network web services and the ZIP upload, all answering
 * the {success, data, message, errors} envelope in the language asked.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { prepareErrorReply } from '../../http/plugins/errors.js';
import { bearerAuth } from '../../http/plugins/auth.js';
import { defineDialect } from '../kit/define-dialect.js';
import { failureBody, fromCode, langOf, MmpError } from './envelope.js';
import { MAX_UPLOAD_BYTES, importRoutes } from './routes-import.js';
import { memberRoutes } from './routes-members.js';
import { tokenRoutes } from './routes-token.js';
import { vehicleRoutes } from './routes-vehicle.js';

/** The documented paths (after /mmp), to tell a wrong method (405) from an unknown path (404). */
const KNOWN_PATHS = [
  /^\/api\/[^/]+\/service-authentification\/token$/,
  /^\/api\/[^/]+\/[^/]+\/service-external-client\/vehicule\/[a-z0-9-]+$/,
  /^\/api\/[^/]+(\/[^/]+)?\/service-external-client\/adherents\/[^/]+\/campagnes-clients$/,
  /^\/api\/[^/]+\/[^/]+\/service-external-client\/adherents\/relance-clients\/blacklist$/,
  /^\/api\/[^/]+\/[^/]+\/service-external-client\/import-fichier\/clients-factures$/,
];

function format(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request);
  let mmp: MmpError;
  if (error instanceof MmpError) {
    mmp = error;
    request.failure = { status: mmp.status, code: 'VALIDATION_FAILED', message: mmp.message };
  } else {
    const code = (error as { code?: string }).code;
    const e = prepareErrorReply(request, reply, error);
    mmp =
      code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT'
        ? fromCode('IMPORT_TOO_LARGE', 413, request.id)
        : fromCode(e.code, e.status, request.id);
  }
  if (mmp.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="mmp"');
  return reply.code(mmp.status).type('application/json; charset=utf-8').send(failureBody(mmp, lang));
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = (request.url.split('?')[0] ?? '').replace(/^\/mmp/, '');
  const known = KNOWN_PATHS.some((p) => p.test(path));
  return format(
    fromCode(known ? 'METHOD_NOT_ALLOWED' : 'ROUTE_NOT_FOUND', known ? 405 : 404, request.id),
    request,
    reply,
  );
}

export const mmpDialect = defineDialect({
  name: 'mmp',
  prefix: '/mmp',
  errorFormat: format,
  notFound,
  securitySchemes: {
    mmpBearer: {
      type: 'http',
      scheme: 'bearer',
      description:
        'MMP Vision 360. Get a token from POST /mmp/api/v1/service-authentification/token with grant_type password, client_id 2, client_secret mmp-demo-secret, username my-personnal-account@domainmail.com, password demo-password.',
    },
  },
  security: [{ mmpBearer: [] }],
  setup: async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 10, fieldSize: 1024, parts: 12 },
    });
  },
  open: (deps) => [tokenRoutes(deps)],
  areas: [
    {
      auth: bearerAuth,
      routes: (deps) => [vehicleRoutes(deps), memberRoutes(deps), importRoutes(deps)],
    },
  ],
});
