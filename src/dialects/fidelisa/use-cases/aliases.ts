/**
 * Fidelisa's 32-hex uuids as stable aliases of native records (shops, customers, cards, programs, gifts).
 * A record first seen through Fidelisa gets its uuid then, once; the uuid never changes afterwards.
 */
import { randomBytes } from 'node:crypto';
import { isDuplicate } from '../../../db/errors.js';
import { findAliasOf, findAliasTarget, insertAlias } from '../../../db/repos/aliases.repo.js';
import { SHOP_KIND } from './signature.js';
import type { Deps } from '../../../app/context.js';

export const FIDELISA_KINDS = {
  shop: SHOP_KIND,
  customer: 'fidelisa.customer',
  card: 'fidelisa.card',
  program: 'fidelisa.program',
  gift: 'fidelisa.gift',
} as const;
export type FidelisaKind = keyof typeof FIDELISA_KINDS;

export const newFidelisaUuid = (): string => randomBytes(16).toString('hex').toUpperCase();

/** The native id behind a uuid of this merchant, or undefined. Uuids are matched case-insensitively. */
export function resolveUuid(
  deps: Deps,
  merchantId: string,
  kind: FidelisaKind,
  uuid: string,
): Promise<string | undefined> {
  return findAliasTarget(deps.db, merchantId, FIDELISA_KINDS[kind], uuid.toUpperCase());
}

/** The uuid of a native record, created on first use. */
export async function uuidOf(
  deps: Deps,
  merchantId: string,
  kind: FidelisaKind,
  targetId: string,
): Promise<string> {
  const existing = await findAliasOf(deps.db, FIDELISA_KINDS[kind], targetId);
  if (existing) return existing;
  try {
    await insertAlias(deps.db, {
      merchantId,
      kind: FIDELISA_KINDS[kind],
      alias: newFidelisaUuid(),
      targetId,
      now: deps.now().toISOString(),
    });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
  const created = await findAliasOf(deps.db, FIDELISA_KINDS[kind], targetId);
  if (!created) throw new Error(`no ${kind} uuid for ${targetId}`);
  return created;
}

export { findShopByUuid, shopsOfProvider, type FidelisaShop } from './signature.js';
