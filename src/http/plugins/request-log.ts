import type { FastifyInstance } from 'fastify';

/** Requests not worth a line: probes that run every few seconds, and the docs page's static files. */
const QUIET = [
  /^\/healthz(\?|$)/,
  /^\/readyz(\?|$)/,
  /^\/metrics(\?|$)/,
  /^\/docs\/static\//,
  /^\/favicon\.ico$/,
];

/** pino's level numbers (a level writes when its rank is at least the logger's). */
const RANK: Record<string, number | undefined> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

/**
 * One log line per answered request: method, path, status, duration, and the error code when it failed.
 * A 4xx is a warning (the caller sent something wrong), a 5xx an error; health checks and docs assets are
 * logged at debug only.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    done();
    const status = reply.statusCode;
    const quiet = status < 400 && QUIET.some((pattern) => pattern.test(request.url));
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : quiet ? 'debug' : 'info';
    // Under LOG_LEVEL=warn (a busy production setting) a 2xx writes nothing: build nothing for it.
    if ((RANK[level] ?? 0) < (RANK[request.log.level] ?? 0)) return;
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
