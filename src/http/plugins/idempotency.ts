import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { claimIdempotencyKey, settleIdempotencyKey } from '../../app/idempotency.js';
import { HttpError } from '../http-error.js';
import { continueAfter } from './hook-promise.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const claimed = new WeakMap<FastifyRequest, { scope: string; key: string }>();

function bodyHash(request: FastifyRequest): string {
  const path = request.url;
  return createHash('sha256')
    .update(`${request.method} ${path}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key on unsafe requests of a route subtree (after authentication): the same key with the same
 * request replays the stored response; with another request it is a 409. The key is claimed with a unique
 * insert, so two concurrent retries cannot both run. The claim is a lease (TESSERA_IDEMPOTENCY_LEASE_S,
 * 60 s): a claim left unanswered by a process killed mid-request is taken over by a retry after it; work
 * that committed before the kill is found again by its own idempotency (a sale's receipt).
 * Routes with `config: { replayable: false }` (answers carrying a secret) keep the claim and status but never the
 * answer; a GDPR erasure forgets the answers that named the customer. Either way a retry gets 409
 * IDEMPOTENT_ANSWER_NOT_KEPT.
 */
export function installIdempotency(scope: FastifyInstance, deps: Deps): void {
  // Callback hooks that return at once for requests without a key (most of them), without a promise each.
  const claimKey = async (request: FastifyRequest, reply: FastifyReply, key: string | string[]) => {
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) throw new HttpError('INVALID_IDEMPOTENCY_KEY');
    const outcome = await claimIdempotencyKey(deps, {
      scope: request.caller?.principalId ?? 'anonymous',
      key,
      method: request.method,
      path: request.url,
      bodyHash: bodyHash(request),
    });
    switch (outcome.kind) {
      case 'claimed':
        claimed.set(request, outcome.claim);
        return 'claimed';
      case 'reused':
        throw new HttpError('IDEMPOTENCY_KEY_REUSED');
      case 'not-kept':
        throw new HttpError('IDEMPOTENT_ANSWER_NOT_KEPT');
      case 'in-progress':
        throw new HttpError('IDEMPOTENCY_KEY_IN_PROGRESS', undefined, undefined, outcome.retryAfterSeconds);
      case 'replay':
        reply.header('Idempotent-Replayed', 'true');
        reply.code(outcome.status).type(outcome.type).send(outcome.body);
        return 'replayed';
    }
  };
  scope.addHook('preHandler', (request, reply, done) => {
    const key = request.headers['idempotency-key'];
    if (!UNSAFE.has(request.method) || key === undefined) done();
    // A replayed answer is sent from here and the chain stops: `done` is not called, so the route's handler
    // never runs, even while the answer waits to be written (answer-batching.ts) and the reply is not yet sent.
    else {
      continueAfter(claimKey(request, reply, key), done, (outcome) => {
        if (outcome !== 'replayed') done();
      });
    }
  });

  const settleKey = async (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    claim: { scope: string; key: string },
  ) => {
    // A server-side failure leaves nothing behind: the same key may be retried.
    const answered = reply.statusCode < 500 && typeof payload === 'string';
    await settleIdempotencyKey(
      deps,
      claim,
      answered
        ? {
            status: reply.statusCode,
            body: payload,
            type: String(reply.getHeader('content-type') ?? 'application/json'),
            keep: request.routeOptions.config.replayable !== false,
          }
        : null,
    );
  };
  scope.addHook('onSend', (request, reply, payload, done) => {
    const claim = claimed.get(request);
    if (!claim) {
      done(null, payload);
      return;
    }
    claimed.delete(request);
    continueAfter(settleKey(request, reply, payload, claim), done, () => done(null, payload));
  });
}
