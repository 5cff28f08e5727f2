import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { hasFullLogging, knownFullLogging, recordExchange } from '../../app/ops/integration-log.js';
import { RateWindow } from '../../core/rate-window.js';
import { continueAfter } from './hook-promise.js';

function bodyText(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** A request or answer body as text with its passwords, secrets and tokens masked. */
export function maskSecrets(body: unknown): string | null {
  return bodyText(body)?.replace(SECRET_FIELDS, '$1"***"') ?? null;
}

const SECRET_FIELDS =
  /("?(password|client_secret|clientSecret|secret|access_token)"?\s*[:=]\s*)("[^"]*"|[^&\s,}]+)/gi;

/**
 * The integration log: failed requests are recorded with their error (at most so many per address and minute;
 * without their bodies when nobody authenticated); principals with full logging switched on get every
 * exchange recorded with both bodies. Secrets are masked. Logging never fails a request.
 */
export function installIntegrationLog(app: FastifyInstance, deps: Deps): void {
  // Error entries per address and minute; stricter for requests nobody authenticated.
  const budget = new RateWindow(60_000);
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (typeof payload === 'string') request.sentPayload = payload;
    done(null, payload);
  });
  const record = async (request: FastifyRequest, reply: FastifyReply, failed: boolean) => {
    const caller = request.caller;
    try {
      const full = caller ? await hasFullLogging(deps, caller.principalId) : false;
      if (!failed && !full) return;
      const limits = deps.config.logLimits;
      const limit = caller ? limits.errorsPerMinute : limits.anonymousErrorsPerMinute;
      if (failed && !full && !budget.take(`${caller ? 'a' : 'n'}:${request.ip}`, limit, Date.now())) return;
      await recordExchange(
        deps,
        {
          merchantId: caller?.merchantId ?? null,
          principalId: caller?.principalId ?? null,
          requestId: request.id,
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          errorCode: request.failure?.code ?? null,
          errorMessage: request.failure?.message ?? null,
          requestBody: bodyText(request.body)?.replace(SECRET_FIELDS, '$1"***"') ?? null,
          responseBody: request.sentPayload?.replace(SECRET_FIELDS, '$1"***"') ?? null,
          durationMs: reply.elapsedTime,
          address: request.ip,
        },
        full,
      );
    } catch (error) {
      request.log.warn({ err: error }, 'integration log write failed');
    }
  };
  // A callback hook: a successful answer to a caller whose full logging is known to be off (nearly every
  // answer) is done at once, without a promise.
  app.addHook('onResponse', (request, reply, done) => {
    const caller = request.caller;
    // A dialect that answers a business error with HTTP 200 (CashDesk) sets request.failure: still an error.
    const failed = reply.statusCode >= 400 || request.failure !== null;
    if (!failed && (!caller || knownFullLogging(caller.principalId) === false)) done();
    else continueAfter(record(request, reply, failed), done);
  });
}
