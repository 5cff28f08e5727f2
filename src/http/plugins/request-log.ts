import type { FastifyInstance } from 'fastify';

/** Requests not worth a line: probes that run every few seconds, and the docs page's static files. */
const QUIET = [
  /^\/healthz(\?|$)/,
  /^\/readyz(\?|$)/,
  /^\/metrics(\?|$)/,
  /^\/docs\/static\//,
  /^\/favicon\.ico$/,
];

/**
 * One log line per answered request: method, path, status, duration, and the error code when it failed.
 * A 4xx is a warning (the caller sent something wrong), a 5xx an error; health checks and docs assets are
 * logged at debug only.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const quiet = QUIET.some((pattern) => pattern.test(request.url));
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : quiet ? 'debug' : 'info';
    request.log[level](
      {
        method: request.method,
        url: request.url,
        status,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(request.failure ? { code: request.failure.code } : {}),
      },
      'request',
    );
  });
}
