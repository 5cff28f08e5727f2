/**
 * Fidelisa shops: a shop is a merchant of the provider, named by a uuid alias and signed with its own key.
 * Initialising a shop for an e-mail the provider already initialised answers that shop again.
 */
import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '../../../core/error-catalog.js';
import * as programs from '../../../db/repos/programs.repo.js';
import { isDuplicate } from '../../../db/errors.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Deps } from '../../../app/context.js';
import { newId } from '../../../app/ids.js';
import { FIDELISA_KINDS, newFidelisaUuid, shopsOfProvider, type FidelisaShop } from './aliases.js';
import { subtotalsOfRule } from '../subtotals.js';

export interface ShopView {
  title: string;
  uuid: string;
  key: string;
  userEmail: string;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 20-character shop key like Fidelisa's ("FrZN6UChpqXBRKVExXVB"). */
export function newShopKey(): string {
  return [...randomBytes(20)].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join('');
}

/** Fidelisa titles a shop after the local part of its e-mail ("test3@fidelisa.com" → "test3"). */
export const shopTitle = (email: string | null): string => (email ?? '').split('@')[0] ?? '';

export function shopView(shop: FidelisaShop): ShopView {
  return {
    title: shopTitle(shop.email),
    uuid: shop.uuid,
    key: shop.apiKey ?? '',
    userEmail: shop.email ?? '',
  };
}

export async function listShops(deps: Deps, providerId: string): Promise<ShopView[]> {
  return (await shopsOfProvider(deps, providerId)).map(shopView);
}

const EMAIL = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]{2,}$/;

/** Creates the merchant (with one store, "MAIN") of a new shop; an e-mail already initialised answers its shop. */
export async function initShop(
  deps: Deps,
  providerId: string,
  email: string,
): Promise<Result<{ created: boolean; shop: ShopView }>> {
  const userEmail = email.trim().toLowerCase();
  if (!EMAIL.test(userEmail)) return fail('EMAIL_INVALID');
  const existingShop = async () =>
    (await shopsOfProvider(deps, providerId)).find((s) => s.email?.toLowerCase() === userEmail);
  const existing = await existingShop();
  if (existing) return ok({ created: false, shop: shopView(existing) });
  const merchantId = newId('mer');
  const uuid = newFidelisaUuid();
  const key = newShopKey();
  const now = deps.now().toISOString();
  const title = shopTitle(userEmail);
  try {
    await insertShop();
  } catch (error) {
    // A concurrent init for the same e-mail won (merchants_provider_email_uq): answer its shop.
    if (!isDuplicate(error)) throw error;
    const won = await existingShop();
    if (!won) throw error;
    return ok({ created: false, shop: shopView(won) });
  }
  return ok({ created: true, shop: { title, uuid, key, userEmail } });
  async function insertShop() {
    await inTransaction(deps.db, async (tx) => {
      await tx
        .insertInto('merchants')
        .values({
          id: merchantId,
          provider_id: providerId,
          slug: `fidelisa-${uuid.toLowerCase()}`,
          name: title,
          currency: 'EUR',
          next_customer_ref: 1,
          api_key: key,
          contact_email: userEmail,
          created_at: now,
        })
        .execute();
      await tx
        .insertInto('stores')
        .values({
          id: newId('sto'),
          merchant_id: merchantId,
          code: 'MAIN',
          name: title,
          region: null,
          created_at: now,
        })
        .execute();
      await tx
        .insertInto('aliases')
        .values({
          merchant_id: merchantId,
          kind: FIDELISA_KINDS.shop,
          alias: uuid,
          target_id: merchantId,
          created_at: now,
        })
        .execute();
    });
  }
}

/** The store a Fidelisa sale is booked at: the shop's first store (init creates one). */
export async function shopStoreCode(deps: Deps, merchantId: string): Promise<string | undefined> {
  const row = await deps.db
    .selectFrom('stores')
    .select('code')
    .where('merchant_id', '=', merchantId)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.code;
}

/** SubTotal1..9 a program of the shop earns on, labelled "SUBTOTALn"; the others null. */
export async function shopCategories(deps: Deps, merchantId: string): Promise<(string | null)[]> {
  const used = new Set<number>();
  for (const program of await allPrograms(deps, merchantId)) {
    for (const rule of program.rules) for (const n of subtotalsOfRule(rule)) used.add(n);
  }
  return Array.from({ length: 9 }, (_, i) => (used.has(i + 1) ? `SUBTOTAL${i + 1}` : null));
}

export function allPrograms(deps: Deps, merchantId: string): Promise<programs.ProgramRecord[]> {
  return programs.listPrograms(deps.db, merchantId, { limit: 1000 });
}
