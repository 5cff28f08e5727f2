/**
 * Fidelisa's signed headers. Every call carries a one-time FIDELISA_JETON, the provider's code and
 * FIDELISA_PROVIDER_KEY = sign(provider + jeton, provider secret key); shop calls add the shop's uuid
 * (FIDELISA_APIUSER) and FIDELISA_APIUSER_KEY = sign(shop uuid + jeton, shop key). The signature is the
 * seed's Ruby sample: base64(lowercase hex(HMAC-SHA1(key, base64(request)))).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import { isDuplicate } from '../../../db/errors.js';
import type { Deps } from '../../../app/context.js';

export function signFidelisaRequest(request: string, secretKey: string): string {
  const policy = Buffer.from(request, 'utf8').toString('base64');
  const hmac = createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(policy, 'ascii').digest('hex');
  return Buffer.from(hmac, 'ascii').toString('base64');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface FidelisaHeaders {
  jeton?: string | undefined;
  provider?: string | undefined;
  providerKey?: string | undefined;
  apiUser?: string | undefined;
  apiUserKey?: string | undefined;
}

export interface FidelisaPrincipal {
  providerId: string;
  providerCode: string;
  /** The shop (merchant) of a shop call; null for a provider call. */
  merchantId: string | null;
  shopUuid: string | null;
}

/** Fidelisa shops are merchants named by an alias of this kind whose merchant_id is the merchant itself. */
export const SHOP_KIND = 'fidelisa.shop';

export interface FidelisaShop {
  uuid: string;
  merchantId: string;
  providerId: string | null;
  apiKey: string | null;
  email: string | null;
}

function shopQuery(deps: Deps) {
  return deps.db
    .selectFrom('aliases')
    .innerJoin('merchants', 'merchants.id', 'aliases.target_id')
    .select([
      'aliases.alias as uuid',
      'merchants.id as merchantId',
      'merchants.provider_id as providerId',
      'merchants.api_key as apiKey',
      'merchants.contact_email as email',
    ])
    .where('aliases.kind', '=', SHOP_KIND)
    .whereRef('aliases.merchant_id', '=', 'aliases.target_id');
}

/** A shop by its uuid (its alias has the merchant itself as merchant_id). */
export async function findShopByUuid(deps: Deps, uuid: string): Promise<FidelisaShop | undefined> {
  return shopQuery(deps).where('aliases.alias', '=', uuid.toUpperCase()).executeTakeFirst();
}

export function shopsOfProvider(deps: Deps, providerId: string): Promise<FidelisaShop[]> {
  return shopQuery(deps)
    .where('merchants.provider_id', '=', providerId)
    .orderBy('aliases.created_at')
    .execute();
}

const JETON = /^[\x21-\x7e]{1,100}$/;

/**
 * Checks the signatures, then spends the jeton (one insert under a unique key, so a replay, even a
 * concurrent one, is refused). A shop call must name a shop of the signing provider (FORBIDDEN otherwise).
 */
export async function verifyFidelisaHeaders(
  deps: Deps,
  headers: FidelisaHeaders,
  needsShop: boolean,
): Promise<Result<FidelisaPrincipal>> {
  const { jeton, provider, providerKey } = headers;
  if (!jeton || !provider || !providerKey) {
    return fail('UNAUTHENTICATED', 'Send FIDELISA_JETON, FIDELISA_PROVIDER and FIDELISA_PROVIDER_KEY.');
  }
  if (!JETON.test(jeton)) return fail('UNAUTHENTICATED', 'FIDELISA_JETON is not a valid jeton.');
  const row = await deps.db
    .selectFrom('providers')
    .select(['id', 'code', 'api_key'])
    .where('code', '=', provider)
    .executeTakeFirst();
  if (
    !row ||
    !row.api_key ||
    !sameSignature(signFidelisaRequest(provider + jeton, row.api_key), providerKey)
  ) {
    return fail('UNAUTHENTICATED', 'Unknown provider or wrong FIDELISA_PROVIDER_KEY.');
  }
  let merchantId: string | null = null;
  let shopUuid: string | null = null;
  if (needsShop || headers.apiUser !== undefined) {
    const { apiUser, apiUserKey } = headers;
    if (!apiUser || !apiUserKey) {
      return fail('UNAUTHENTICATED', 'This call needs FIDELISA_APIUSER and FIDELISA_APIUSER_KEY.');
    }
    const shop = await findShopByUuid(deps, apiUser);
    if (
      !shop ||
      !shop.apiKey ||
      !sameSignature(signFidelisaRequest(apiUser + jeton, shop.apiKey), apiUserKey)
    ) {
      return fail('UNAUTHENTICATED', 'Unknown shop or wrong FIDELISA_APIUSER_KEY.');
    }
    if (shop.providerId !== row.id) return fail('FORBIDDEN', 'This shop belongs to another provider.');
    merchantId = shop.merchantId;
    shopUuid = shop.uuid;
  }
  if (!(await spendJeton(deps, `fidelisa:${row.id}`, jeton))) {
    return fail('UNAUTHENTICATED', 'This FIDELISA_JETON has already been used.');
  }
  return ok({ providerId: row.id, providerCode: row.code, merchantId, shopUuid });
}

/** The start of the replay window: jetons used before it are forgotten (and may come again). */
export function jetonCutoff(deps: Pick<Deps, 'config' | 'now'>): string {
  return new Date(deps.now().getTime() - deps.config.jetonWindowSeconds * 1000).toISOString();
}

/**
 * Spends a jeton of a provider: one insert under the (scope, jeton) key, so a replay, even a concurrent one,
 * is refused. A jeton last used before the replay window (TESSERA_JETON_WINDOW, 24 h by default) is taken
 * again by one conditional update, so the document's rand(99999999) jetons do not collide forever.
 */
async function spendJeton(deps: Deps, scope: string, jeton: string): Promise<boolean> {
  const now = deps.now().toISOString();
  try {
    await deps.db.insertInto('used_jetons').values({ scope, jeton, created_at: now }).execute();
    return true;
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  const taken = await deps.db
    .updateTable('used_jetons')
    .set({ created_at: now })
    .where('scope', '=', scope)
    .where('jeton', '=', jeton)
    .where('created_at', '<', jetonCutoff(deps))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Forgets the jetons used before the replay window; answers how many. */
export async function purgeUsedJetons(deps: Pick<Deps, 'db' | 'config' | 'now'>): Promise<number> {
  const done = await deps.db
    .deleteFrom('used_jetons')
    .where('created_at', '<', jetonCutoff(deps))
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}
