/** Date exclusions of promotions at a store, loaded by name: only new, valid dates are added. */
import type { Promotion } from '../../core/promotions/model.js';
import { selectExclusionDates, type DateSelection } from '../../core/loading/exclusion-dates.js';
import * as promotions from '../../db/repos/promotions.repo.js';
import * as repo from '../../db/repos/loading.repo.js';
import type { Deps } from '../context.js';

export interface NamedPromotion {
  nro: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The promotions of that name (the first one when several share it). */
export async function promotionNamed(
  deps: Deps,
  merchantId: string,
  name: string,
): Promise<NamedPromotion | undefined> {
  const [row] = await repo.promotionsNamed(deps.db, merchantId, { name });
  if (!row) return undefined;
  const p = JSON.parse(row.definition) as Promotion;
  return {
    nro: row.nro,
    validFrom: p.validity?.from ? p.validity.from.slice(0, 10) : null,
    validTo: p.validity?.to ? p.validity.to.slice(0, 10) : null,
  };
}

/** Adds the valid dates not excluded yet; answers the dates added and the ones ignored. */
export async function addExclusionDates(
  deps: Deps,
  merchantId: string,
  promotion: NamedPromotion,
  store: string,
  values: readonly unknown[],
): Promise<DateSelection & { added: number }> {
  const today = deps.now().toISOString().slice(0, 10);
  const selection = selectExclusionDates(values, {
    today,
    validFrom: promotion.validFrom,
    validTo: promotion.validTo,
  });
  const existing = new Set(
    (await repo.exclusionsOnDates(deps.db, merchantId, store, selection.dates))
      .filter((e) => e.promotion_nro === promotion.nro)
      .map((e) => e.date),
  );
  const fresh = selection.dates.filter((d) => !existing.has(d));
  await promotions.insertExclusions(
    deps.db,
    fresh.map((date) => ({ merchant_id: merchantId, promotion_nro: promotion.nro, store_code: store, date })),
  );
  return { ...selection, added: fresh.length };
}

/** Removes one promotion's exclusions on the dates, or every promotion's (nro null) at that store. */
export async function removeExclusionDates(
  deps: Deps,
  merchantId: string,
  nro: string | null,
  store: string,
  values: readonly unknown[],
): Promise<DateSelection & { removed: number }> {
  const selection = selectExclusionDates(values, {
    today: '0000-01-01',
    validFrom: null,
    validTo: null,
    checkToday: false,
  });
  if (nro === null)
    return {
      ...selection,
      removed: await repo.deleteExclusionsOnDates(deps.db, merchantId, store, selection.dates),
    };
  const before = await repo.exclusionsOnDates(deps.db, merchantId, store, selection.dates);
  await promotions.deleteExclusions(deps.db, merchantId, nro, store, selection.dates);
  return { ...selection, removed: before.filter((e) => e.promotion_nro === nro).length };
}
