/**
 * A webhook URL a merchant may register: http(s) only, https outside development, no user:password, and a
 * host that resolves only to public addresses (no loopback, private, link-local, metadata service) unless
 * TESSERA_WEBHOOKS_ALLOW_PRIVATE=1. The same address check runs again at each delivery (DNS may change).
 */
import dns from 'node:dns/promises';
import { isNonPublicAddress } from '../../core/messaging/address-class.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';

export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<Result<string>> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(
      'WEBHOOK_URL_INVALID',
      'url must be an absolute URL, e.g. https://example.com/hooks/tessera.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail('WEBHOOK_URL_INVALID', 'url must start with https://.');
  const development = allowPrivate || process.env.NODE_ENV === 'development';
  if (url.protocol === 'http:' && !development)
    return fail('WEBHOOK_URL_INVALID', 'url must use https:// (http is accepted only in development).');
  if (url.username || url.password)
    return fail(
      'WEBHOOK_URL_INVALID',
      'url must not carry a user or password; verify our signature instead.',
    );
  if (url.hash) return fail('WEBHOOK_URL_INVALID', 'url must not have a #fragment.');
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses =
        /^[\d.]+$/.test(host) || host.includes(':')
          ? [host]
          : (await dns.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return fail('WEBHOOK_URL_INVALID', `The host ${host} does not resolve.`);
    }
    const bad = addresses.find(isNonPublicAddress);
    if (bad !== undefined || addresses.length === 0)
      return fail(
        'WEBHOOK_URL_INVALID',
        `The host ${host} resolves to ${bad ?? 'nothing'}, a loopback, private or link-local address: webhooks go to public addresses only.`,
      );
  }
  return ok(url.toString());
}
