import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/idempotency.repo.js';
import { HttpError } from '../http-error.js';

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
 * answer; a GDPR erasure redacts the answers that named the customer (ERASED_HASH). Either way a retry gets 409
 * IDEMPOTENT_ANSWER_NOT_KEPT.
 */
export function installIdempotency(scope: FastifyInstance, deps: Deps): void {
  scope.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!UNSAFE.has(request.method) || key === undefined) return;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) throw new HttpError('INVALID_IDEMPOTENCY_KEY');
    const owner = request.caller?.principalId ?? 'anonymous';
    const hash = bodyHash(request);
    try {
      await repo.claimKey(deps.db, {
        scope: owner,
        key,
        method: request.method,
        path: request.url,
        body_hash: hash,
        created_at: deps.now().toISOString(),
      });
      claimed.set(request, { scope: owner, key });
      return;
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    const stored = await repo.findKey(deps.db, owner, key);
    if (stored?.body_hash === repo.ERASED_HASH) throw new HttpError('IDEMPOTENT_ANSWER_NOT_KEPT');
    if (!stored || stored.body_hash !== hash) throw new HttpError('IDEMPOTENCY_KEY_REUSED');
    if (stored.status === null) {
      // A claim is a lease: one that was never answered (its process was killed) is taken over after it.
      const now = deps.now().getTime();
      const leaseMs = deps.config.idempotencyLeaseSeconds * 1000;
      const staleBefore = new Date(now - leaseMs).toISOString();
      if (
        await repo.takeOverKey(
          deps.db,
          owner,
          key,
          stored.created_at,
          staleBefore,
          new Date(now).toISOString(),
        )
      ) {
        claimed.set(request, { scope: owner, key });
        return;
      }
      const left = Math.max(1, Math.ceil((Date.parse(stored.created_at) + leaseMs - now) / 1000));
      throw new HttpError('IDEMPOTENCY_KEY_IN_PROGRESS', undefined, undefined, Math.min(left, 5));
    }
    // Answered, but the answer was not kept (it carried a secret): never replayed, never run again.
    if (stored.response_body === null) throw new HttpError('IDEMPOTENT_ANSWER_NOT_KEPT');
    reply.header('Idempotent-Replayed', 'true');
    return reply
      .code(Number(stored.status))
      .type(stored.response_type ?? 'application/json')
      .send(stored.response_body ?? '');
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const claim = claimed.get(request);
    if (!claim) return payload;
    claimed.delete(request);
    // A server-side failure leaves nothing behind: the same key may be retried.
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await repo.releaseKey(deps.db, claim.scope, claim.key);
    } else {
      const kept = request.routeOptions.config.replayable !== false;
      await repo.completeKey(deps.db, claim.scope, claim.key, {
        status: reply.statusCode,
        body: kept ? payload : null,
        type: kept ? String(reply.getHeader('content-type') ?? 'application/json') : null,
      });
    }
    return payload;
  });
}
