/**
 * Idempotency keys: the first request with a key claims it (a unique insert, so two concurrent retries cannot
 * both run); a retry with the same request replays the stored answer, with another request it is refused.
 * A claim is a lease: one never answered (its process was killed) is taken over once the lease has passed.
 */
import type { Deps } from './context.js';
import { isDuplicate } from '../db/errors.js';
import * as repo from '../db/repos/idempotency.repo.js';

export interface IdempotencyClaim {
  scope: string;
  key: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; status: number; body: string; type: string }
  | { kind: 'reused' }
  /** Done already, but its answer is not kept (it carried a secret, or personal data since erased). */
  | { kind: 'not-kept' }
  | { kind: 'in-progress'; retryAfterSeconds: number };

export async function claimIdempotencyKey(
  deps: Deps,
  request: { scope: string; key: string; method: string; path: string; bodyHash: string },
): Promise<ClaimOutcome> {
  const claim = { scope: request.scope, key: request.key };
  try {
    await repo.claimKey(deps.db, {
      scope: request.scope,
      key: request.key,
      method: request.method,
      path: request.path,
      body_hash: request.bodyHash,
      created_at: deps.now().toISOString(),
    });
    return { kind: 'claimed', claim };
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  const stored = await repo.findKey(deps.db, request.scope, request.key);
  if (stored?.body_hash === repo.ERASED_HASH) return { kind: 'not-kept' };
  if (!stored || stored.body_hash !== request.bodyHash) return { kind: 'reused' };
  if (stored.status === null) {
    const now = deps.now().getTime();
    const leaseMs = deps.config.idempotencyLeaseSeconds * 1000;
    const staleBefore = new Date(now - leaseMs).toISOString();
    const takenOver = await repo.takeOverKey(
      deps.db,
      request.scope,
      request.key,
      stored.created_at,
      staleBefore,
      new Date(now).toISOString(),
    );
    if (takenOver) return { kind: 'claimed', claim };
    const left = Math.max(1, Math.ceil((Date.parse(stored.created_at) + leaseMs - now) / 1000));
    return { kind: 'in-progress', retryAfterSeconds: Math.min(left, 5) };
  }
  if (stored.response_body === null) return { kind: 'not-kept' };
  return {
    kind: 'replay',
    status: Number(stored.status),
    body: stored.response_body ?? '',
    type: stored.response_type ?? 'application/json',
  };
}

/**
 * Stores the answer of a claimed key; `null` (a server-side failure) releases the key for another try. An
 * answer that must not be kept (`keep: false`: it carries a secret) leaves the key claimed with its status
 * only, so a retry is refused (not-kept) rather than run again or answered with the secret.
 */
export async function settleIdempotencyKey(
  deps: Deps,
  claim: IdempotencyClaim,
  response: { status: number; body: string; type: string; keep?: boolean } | null,
): Promise<void> {
  if (response === null) await repo.releaseKey(deps.db, claim.scope, claim.key);
  else if (response.keep === false)
    await repo.completeKey(deps.db, claim.scope, claim.key, { status: response.status, body: null, type: null });
  else await repo.completeKey(deps.db, claim.scope, claim.key, response);
}
