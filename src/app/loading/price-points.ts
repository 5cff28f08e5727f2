/** A store's base price list (one price per sku, minor units) and the points-for-product table. */
import * as repo from '../../db/repos/catalogs.repo.js';
import type { Deps } from '../context.js';
import type { EntryOperation, EntryOutcome } from './catalog-entries.js';

export interface PriceInput {
  storeCode: string;
  sku: string;
  salePriceMinor: number;
  enabledAt: string | null;
  /** The other prices (minor units) and flags of the item. */
  data: Record<string, unknown>;
}

/** Inserts or updates the sku's price in the store's list. */
export async function savePrice(deps: Deps, merchantId: string, input: PriceInput): Promise<void> {
  await repo.upsertPriceListItem(deps.db, {
    merchant_id: merchantId,
    store_code: input.storeCode,
    sku: input.sku,
    sale_price_minor: input.salePriceMinor,
    data: JSON.stringify(input.data),
    enabled_at: input.enabledAt,
    updated_at: deps.now().toISOString(),
  });
}

export async function listPrices(
  deps: Deps,
  merchantId: string,
  store: string,
  options: { limit: number; cursor?: string | undefined },
) {
  const rows = await repo.listPriceListItems(deps.db, merchantId, store, options.limit + 1, options.cursor);
  const page = rows.slice(0, options.limit);
  return {
    data: page.map((r) => ({
      storeCode: r.store_code,
      sku: r.sku,
      salePriceMinor: Number(r.sale_price_minor),
      enabledAt: r.enabled_at,
      details: JSON.parse(r.data) as Record<string, unknown>,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > options.limit ? (page[page.length - 1]?.sku ?? null) : null,
  };
}

export type DiscountType = 'percentage' | 'fixed' | 'new-price';

export interface RedeemInput {
  /** "-": every store. */
  storeCode: string;
  productCode: string;
  pointsHundredths: number;
  discountHundredths: number;
  discountType: DiscountType;
}

export async function applyRedeemBenefit(
  deps: Deps,
  merchantId: string,
  operation: EntryOperation,
  input: RedeemInput,
): Promise<EntryOutcome> {
  const row = {
    merchant_id: merchantId,
    store_code: input.storeCode,
    product_code: input.productCode,
    points_hundredths: input.pointsHundredths,
    discount_hundredths: input.discountHundredths,
    discount_type: input.discountType,
    updated_at: deps.now().toISOString(),
  };
  const exists = await repo.findRedeemBenefit(deps.db, merchantId, input.storeCode, input.productCode);
  if (operation === 'remove' || operation === 'delete-by-code') {
    if (!exists) return { ok: false, reason: 'NOT_FOUND' };
    await repo.deleteRedeemBenefit(deps.db, merchantId, input.storeCode, input.productCode);
    return { ok: true, effect: 'removed' };
  }
  if (exists) {
    if (operation === 'insert') return { ok: false, reason: 'ALREADY_EXISTS' };
    await repo.updateRedeemBenefit(deps.db, row);
    return { ok: true, effect: 'updated' };
  }
  if (operation === 'update') return { ok: false, reason: 'NOT_FOUND' };
  await repo.insertRedeemBenefit(deps.db, row);
  return { ok: true, effect: 'inserted' };
}

export function clearRedeemBenefits(deps: Deps, merchantId: string) {
  return repo.clearRedeemBenefits(deps.db, merchantId);
}

export async function listRedeemBenefits(deps: Deps, merchantId: string) {
  const rows = await repo.listRedeemBenefits(deps.db, merchantId);
  return {
    data: rows.map((r) => ({
      storeCode: r.store_code,
      productCode: r.product_code,
      pointsHundredths: Number(r.points_hundredths),
      discountHundredths: Number(r.discount_hundredths),
      discountType: r.discount_type as DiscountType,
      updatedAt: r.updated_at,
    })),
  };
}
