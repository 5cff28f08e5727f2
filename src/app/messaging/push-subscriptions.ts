/** Web Push subscriptions of a customer (what a browser's PushManager.subscribe() answers). */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import { savePushSubscription } from '../../db/repos/messaging.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export async function registerPushSubscription(
  deps: Deps,
  merchantId: string,
  customerId: string,
  input: { endpoint: string; keys: { p256dh: string; auth: string } },
): Promise<Result<{ id: string }>> {
  let url: URL;
  try {
    url = new URL(input.endpoint);
  } catch {
    return fail('PUSH_SUBSCRIPTION_INVALID', 'endpoint must be an absolute https URL.');
  }
  if (url.protocol !== 'https:') return fail('PUSH_SUBSCRIPTION_INVALID', 'endpoint must be an https URL.');
  const p256dh = Buffer.from(input.keys.p256dh, 'base64url');
  if (!B64URL.test(input.keys.p256dh) || p256dh.length !== 65 || p256dh[0] !== 4)
    return fail(
      'PUSH_SUBSCRIPTION_INVALID',
      'keys.p256dh must be an uncompressed P-256 public key (65 bytes, base64url).',
    );
  if (!B64URL.test(input.keys.auth) || Buffer.from(input.keys.auth, 'base64url').length !== 16)
    return fail('PUSH_SUBSCRIPTION_INVALID', 'keys.auth must be 16 bytes, base64url.');
  if (!(await customerExists(deps.db, merchantId, customerId))) return fail('CUSTOMER_NOT_FOUND');
  const id = await savePushSubscription(deps.db, {
    id: newId('psb'),
    merchant_id: merchantId,
    customer_id: customerId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    created_at: deps.now().toISOString(),
  });
  return ok({ id });
}

export function pushPublicKey(deps: Deps): Result<{ publicKey: string }> {
  if (!deps.ports.push)
    return fail('SERVICE_UNAVAILABLE', 'Push is not configured: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.');
  return ok({ publicKey: deps.ports.push.publicKey });
}
