/** Signing Fidelisa requests in tests, written independently of the server's code, after the seed's Ruby. */
import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_FIDELISA } from '../demo/demo-fidelisa.js';
import type { Harness } from '../../../../test/support/harness.js';

/** def sign_request(request, secret_key): strict_encode64(HMAC.hexdigest(sha1, secret_key, strict_encode64(request))) */
export function rubySignRequest(request: string, secretKey: string): string {
  const policy = Buffer.from(request, 'binary').toString('base64');
  const hmac = createHmac('sha1', secretKey).update(policy).digest('hex');
  return Buffer.from(hmac, 'binary').toString('base64');
}

let counter = 0;
/** rand(99999999).to_s, made unique within the test run. */
export const newJeton = (): string => String((Date.now() * 1000 + counter++) % 99_999_999);

export interface Signer {
  provider: string;
  providerKey: string;
  shop?: string;
  shopKey?: string;
}

export const DEMO_SIGNER: Signer = {
  provider: DEMO_FIDELISA.provider.code,
  providerKey: DEMO_FIDELISA.provider.key,
  shop: DEMO_FIDELISA.shop.uuid,
  shopKey: DEMO_FIDELISA.shop.key,
};

/** make_hearders_request(request, withshop) */
export function fidelisaHeaders(
  signer: Signer,
  withShop: boolean,
  jeton = newJeton(),
): Record<string, string> {
  const headers: Record<string, string> = {
    FIDELISA_JETON: jeton,
    FIDELISA_PROVIDER: signer.provider,
    FIDELISA_PROVIDER_KEY: rubySignRequest(signer.provider + jeton, signer.providerKey),
  };
  if (withShop && signer.shop && signer.shopKey) {
    headers.FIDELISA_APIUSER = signer.shop;
    headers.FIDELISA_APIUSER_KEY = rubySignRequest(signer.shop + jeton, signer.shopKey);
  }
  return headers;
}

export function fidelisaCall(h: Harness, signer: Signer = DEMO_SIGNER) {
  return (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
    withShop = true,
  ): Promise<LightMyRequestResponse> =>
    h.request({
      method,
      url: `/fidelisa${url}`,
      headers: fidelisaHeaders(signer, withShop),
      ...(payload ? { payload } : {}),
    });
}
