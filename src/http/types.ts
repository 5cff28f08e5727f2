import type { Caller } from '../app/context.js';
import type { NormalizedError } from './http-error.js';
import type { ErrorFormats } from './plugins/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The error format of each API prefix of this app (router errors answer in their API's format). */
    errorFormats: ErrorFormats;
  }
  interface FastifyRequest {
    caller: Caller | null;
    /** The error this request ended with, for the integration log. */
    failure: NormalizedError | null;
    /** Body as sent, kept for full request/response logging. */
    sentPayload: string | null;
    /** Root element name when the answer is rendered as XML. */
    xmlRoot: string | null;
  }
  interface FastifyContextConfig {
    /**
     * false on routes whose answer carries a secret (a new client secret): an Idempotency-Key still guards the
     * request against running twice, but the answer is never stored, so a retry gets 409
     * IDEMPOTENT_ANSWER_NOT_KEPT instead of a replay.
     */
    replayable?: boolean;
  }
}
