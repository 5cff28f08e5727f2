/**
 * CatalogExclusionDates items (§5.5): I and U add the valid dates (yyyy-MM-dd, not past, inside the
 * promotion's validity) that the promotion does not exclude yet at the store; R removes them, for every
 * promotion of the store when promotionName is "". Ignored dates are reported, the record still counts.
 */
import { addExclusionDates, promotionNamed, removeExclusionDates } from '../../../app/loading/exclusions.js';
import type { ItemOperation } from './catalog-formats.js';
import { text } from './envelopes.js';
import { bad, type ItemContext, type ItemResult } from './process-catalog.js';

const REASON = {
  MALFORMED: 'formato inválido',
  PAST: 'fecha pasada',
  OUTSIDE_VALIDITY: 'fuera de la vigencia',
};

export async function exclusionItem(
  ctx: ItemContext,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const store = text(item.storeCode);
  if (!store) return bad('El campo storeCode es requerido', 'STORE_REQUIRED');
  const dates = item.exclusionDates;
  if (!Array.isArray(dates) || dates.length === 0)
    return bad('El campo exclusionDates es requerido (lista de fechas yyyy-MM-dd)', 'DATES_REQUIRED');
  const rawName = item.promotionName ?? item.promotionNames;
  const name = text(rawName);
  if (op === 'remove') {
    if (name === null && rawName !== '')
      return bad('El campo promotionName es requerido ("" para todas las promociones)', 'PROMOTION_REQUIRED');
    let nro: string | null = null;
    if (name !== null) {
      const promotion = await promotionNamed(ctx.deps, ctx.merchantId, name);
      if (!promotion) return bad(`La promoción ${name} no existe`, 'PROMOTION_NOT_FOUND');
      nro = promotion.nro;
    }
    const removed = await removeExclusionDates(ctx.deps, ctx.merchantId, nro, store, dates);
    if (removed.ignored.length > 0) return bad(ignoredMessage(removed.ignored), 'DATES_IGNORED');
    return { ok: true, effect: 'removed' };
  }
  if (op !== 'insert' && op !== 'update')
    return bad(
      `La operación ${String(item.operation)} no aplica al catálogo CatalogExclusionDates`,
      'OPERATION_NOT_ALLOWED',
    );
  if (!name) return bad('El campo promotionName es requerido', 'PROMOTION_REQUIRED');
  const promotion = await promotionNamed(ctx.deps, ctx.merchantId, name);
  if (!promotion) return bad(`La promoción ${name} no existe`, 'PROMOTION_NOT_FOUND');
  const added = await addExclusionDates(ctx.deps, ctx.merchantId, promotion, store, dates);
  ctx.report?.count('datesIgnored', added.ignored.length);
  ctx.report?.count('datesAdded', added.added);
  if (added.dates.length === 0) return bad(ignoredMessage(added.ignored), 'DATES_IGNORED');
  return { ok: true, effect: op === 'insert' ? 'inserted' : 'updated' };
}

function ignoredMessage(ignored: { date: string; reason: keyof typeof REASON }[]): string {
  return `Fechas ignoradas: ${ignored.map((i) => `${i.date} (${REASON[i.reason]})`).join(', ')}`;
}
