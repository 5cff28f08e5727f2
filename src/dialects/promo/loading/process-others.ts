/**
 * The other asynchronous imports: the Lista Zero price list (§5.1), promotions I/U/R (§5.4) and promotion
 * limits (§6.5). Items are committed in batches (200 per transaction), each in its own savepoint: a bad item
 * is undone alone, recorded at its record number, and the others still count.
 */
import { objectIdOf, targetOfObjectId } from '../../../app/elements/object-ids.js';
import type { Deps } from '../../../app/context.js';
import type { ImportReport } from '../../../app/loading/import-queue.js';
import { applyInBatches, type ItemOutcome } from '../../../app/loading/item-batches.js';
import { promotionsMatching, redefineLimit } from '../../../app/loading/limit-records.js';
import { savePrice } from '../../../app/loading/price-points.js';
import { attachLimit, removeLimit } from '../../../app/promotions/limits.js';
import { importedBy } from '../../../app/promotions/promotion-import.js';
import {
  createPromotion,
  setPromotionStatus,
  updatePromotion,
} from '../../../app/promotions/promotion-records.js';
import { parseAmount } from '../../../core/elements/index.js';
import type { LimitScope, LimitType } from '../../../core/promotions/model.js';
import { text } from './envelopes.js';
import { ERASED_ITEM_CODE, ERASED_ITEM_MESSAGE, isErasedItem } from './erased-items.js';
import { bad } from './process-catalog.js';
import { refusalMessage } from './promotion-refusals.js';

const PRICES = [
  'salePrice',
  'costPrice',
  'saleCreditPrice',
  'magnitudePrice',
  'supplierItemAmount',
  'supplierFinancialAmount',
  'saleWholesalePrice',
] as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const objectItem = (raw: unknown) =>
  raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;

export async function processPriceList(deps: Deps, merchantId: string, body: unknown, report: ImportReport) {
  const b = body as Record<string, unknown>;
  const store = text(b.store) ?? '';
  await applyInBatches(
    deps,
    listOf(b.items),
    (joined, raw) => priceItem(joined, merchantId, store, raw),
    report,
  );
}

async function priceItem(deps: Deps, merchantId: string, store: string, raw: unknown): Promise<ItemOutcome> {
  if (isErasedItem(raw)) return bad(ERASED_ITEM_MESSAGE, ERASED_ITEM_CODE);
  const item = objectItem(raw);
  if (!item) return bad('El registro debe ser un objeto');
  const sku = text(item.sku);
  if (!sku) return bad('El campo sku es requerido', 'SKU_REQUIRED');
  const data: Record<string, unknown> = {};
  let failed: string | null = null;
  for (const field of PRICES) {
    if (item[field] === undefined || item[field] === null || item[field] === '') continue;
    const parsed = parseAmount(item[field]);
    if (!parsed.ok || parsed.sign === '-')
      failed ??= `El campo ${field} debe ser un número no negativo con hasta 2 decimales`;
    else data[`${field}Minor`] = parsed.minor;
  }
  if (data.salePriceMinor === undefined) failed ??= 'El campo salePrice es requerido';
  for (const field of ['saleWholesaleLimit', 'limit'] as const) {
    const v = item[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      failed ??= `El campo ${field} debe ser numérico`;
    else data[field] = v;
  }
  for (const field of ['measuredUnit', 'supplierItem', 'supplierFinancial'] as const) {
    const v = text(item[field]);
    if (v) data[field] = v;
  }
  for (const field of ['discountable', 'manualDiscount'] as const) {
    const v = item[field];
    if (v !== undefined && typeof v !== 'boolean') failed ??= `El campo ${field} debe ser true o false`;
    data[field] = v ?? true;
  }
  const enabled = text(item.enabledDate);
  if (enabled && (!INSTANT.test(enabled) || Number.isNaN(Date.parse(enabled))))
    failed ??= 'El campo enabledDate debe tener el formato ISO 8601 (2018-12-25T10:42:25Z)';
  if (failed) return bad(failed);
  const salePriceMinor = data.salePriceMinor as number;
  delete data.salePriceMinor;
  await savePrice(deps, merchantId, {
    storeCode: store,
    sku,
    salePriceMinor,
    enabledAt: enabled ? new Date(enabled).toISOString() : null,
    data,
  });
  return { ok: true, effect: 'saved' };
}

/** The promotion a U or R names: by code and/or name; a repeated code needs the name. */
async function target(deps: Deps, merchantId: string, p: Record<string, unknown>) {
  const code = text(p.code);
  const name = text(p.name);
  if (!code && !name) return { error: 'Debe enviar el campo code o name' } as const;
  const found = await promotionsMatching(deps, merchantId, { code, name });
  if (found.length === 0) return { error: 'not found' } as const;
  if (found.length > 1) return { error: `El código ${code} está repetido: envíe también el name` } as const;
  return { nro: found[0]!.nro } as const;
}

const messageOf = (r: {
  code: string;
  message?: string;
  details?: { field?: string; message?: string }[];
}) => {
  const first = r.details?.[0];
  return first
    ? `${r.message ?? r.code} (${first.field ?? ''}: ${first.message ?? ''})`
    : (r.message ?? r.code);
};

export async function processPromotions(
  deps: Deps,
  merchantId: string,
  body: unknown,
  report: ImportReport,
  importId: string,
) {
  const b = body as Record<string, unknown>;
  // §5.4: only complete promotions are imported; an insert gets the importing user's workflow.
  const createdBy = await importedBy(deps, merchantId, importId);
  await applyInBatches(
    deps,
    listOf(b.promotions),
    (joined, raw) => promotionItem(joined, merchantId, raw, createdBy),
    report,
  );
}

async function promotionItem(
  deps: Deps,
  merchantId: string,
  raw: unknown,
  createdBy: Awaited<ReturnType<typeof importedBy>>,
): Promise<ItemOutcome> {
  if (isErasedItem(raw)) return bad(ERASED_ITEM_MESSAGE, ERASED_ITEM_CODE);
  const p = objectItem(raw);
  if (!p) return bad('La promoción debe ser un objeto');
  const op = (text(p.operation) ?? text(p.operations) ?? '').toUpperCase();
  const definition: Record<string, unknown> = { ...p };
  delete definition.operation;
  delete definition.operations;
  if (op === 'I') {
    delete definition.nro;
    const created = await createPromotion(deps, merchantId, definition, { createdBy, requireComplete: true });
    return created.ok ? { ok: true, effect: 'inserted' } : bad(refusalMessage(created), created.code);
  }
  if (op !== 'U' && op !== 'R') return bad(`Operación inválida: ${op}. Use I, U o R`, 'OPERATION_INVALID');
  const found = await target(deps, merchantId, p);
  if ('error' in found) return bad(found.error ?? 'not found', 'PROMOTION_NOT_FOUND');
  const result =
    op === 'U'
      ? await updatePromotion(
          deps,
          merchantId,
          found.nro,
          { ...definition, nro: found.nro },
          { requireComplete: true },
        )
      : await setPromotionStatus(deps, merchantId, found.nro, 'inactive');
  if (result.ok) return { ok: true, effect: op === 'U' ? 'updated' : 'cancelled' };
  return bad(refusalMessage(result), result.code);
}

const SCOPES: Record<string, LimitScope> = { RETAILER: 'retailer', STORE: 'store', CUSTOMER: 'customer' };
const TYPES: Record<string, LimitType> = {
  benefiedProductCount: 'quantity',
  benefitedProductCount: 'quantity',
  benefitApplicationCount: 'count',
  benefitAmount: 'amount',
};

function limitDefinition(l: Record<string, unknown>) {
  const scope = SCOPES[(text(l.limitScope) ?? text(l['limitScope ']) ?? '').toUpperCase()];
  if (!scope) return { error: 'El campo limitScope debe ser RETAILER, STORE o CUSTOMER' } as const;
  const storeCode = text(l.storeCode);
  if (scope === 'store' && !storeCode)
    return { error: 'El campo storeCode es requerido para limitScope STORE' } as const;
  const period = (text(l.limitPeriod) ?? 'UNDEFINED').toUpperCase();
  if (period !== 'DAY' && period !== 'UNDEFINED')
    return { error: 'El campo limitPeriod debe ser DAY o UNDEFINED' } as const;
  const days = Number(text(l.numberDays));
  if (period === 'DAY' && !(Number.isInteger(days) && days > 0))
    return { error: 'El campo numberDays debe ser un entero positivo' } as const;
  const type = TYPES[text(l.limitTypeCode) ?? ''];
  if (!type)
    return {
      error: 'El campo limitTypeCode debe ser benefiedProductCount, benefitApplicationCount o benefitAmount',
    } as const;
  const value = parseAmount(l.value);
  if (!value.ok || value.sign === '-' || (type !== 'amount' && value.minor % 100 !== 0))
    return { error: 'El campo value debe ser un número positivo' } as const;
  return {
    scope,
    storeCode: scope === 'store' ? storeCode : null,
    periodDays: period === 'DAY' ? days : null,
    type,
    max: type === 'amount' ? value.minor : value.minor / 100,
  } as const;
}

/** A limit named by its 24-hex id (PROMO's wire), or by the engine's own id (lim_…). */
async function engineLimitId(deps: Deps, merchantId: string, id: string | null): Promise<string | null> {
  if (id === null || !/^[0-9a-f]{24}$/i.test(id)) return id;
  return (await targetOfObjectId(deps, merchantId, 'limit', id.toLowerCase())) ?? id;
}

export async function processLimits(deps: Deps, merchantId: string, body: unknown, report: ImportReport) {
  const b = body as Record<string, unknown>;
  await applyInBatches(deps, listOf(b.limits), (joined, raw) => limitItem(joined, merchantId, raw), report);
}

async function limitItem(deps: Deps, merchantId: string, raw: unknown): Promise<ItemOutcome> {
  if (isErasedItem(raw)) return bad(ERASED_ITEM_MESSAGE, ERASED_ITEM_CODE);
  const l = objectItem(raw);
  if (!l) return bad('El límite debe ser un objeto');
  const op = (text(l.operation) ?? '').toUpperCase();
  const limitId = await engineLimitId(deps, merchantId, text(l.limitId));
  if (op === 'R') {
    if (!limitId) return bad('El campo limitId es requerido', 'LIMIT_ID_REQUIRED');
    if ((await removeLimit(deps, merchantId, limitId)).ok) return { ok: true, effect: 'removed' };
    return bad('not found', 'LIMIT_NOT_FOUND');
  }
  if (op !== 'I' && op !== 'U') return bad(`Operación inválida: ${op}. Use I, U o R`, 'OPERATION_INVALID');
  const def = limitDefinition(l);
  if ('error' in def) return bad(def.error!, 'LIMIT_INVALID');
  if (op === 'U') {
    if (!limitId) return bad('El campo limitId es requerido', 'LIMIT_ID_REQUIRED');
    if (await redefineLimit(deps, merchantId, limitId, def)) return { ok: true, effect: 'updated' };
    return bad('not found', 'LIMIT_NOT_FOUND');
  }
  const name = text(l.promotionName);
  if (!name) return bad('El campo promotionName es requerido', 'PROMOTION_REQUIRED');
  const [promotion] = await promotionsMatching(deps, merchantId, { name });
  if (!promotion) return bad(`La promoción ${name} no existe`, 'PROMOTION_NOT_FOUND');
  const benefit = text(l.benefitId);
  const attached = await attachLimit(deps, merchantId, {
    promotion: promotion.nro,
    ...(benefit ? { benefit } : {}),
    scope: def.scope,
    ...(def.storeCode ? { storeCode: def.storeCode } : {}),
    period: def.periodDays === null ? 'undefined' : 'days',
    ...(def.periodDays !== null ? { numberDays: def.periodDays } : {}),
    type: def.type,
    max: def.max,
  });
  if (!attached.ok) return bad(messageOf(attached), attached.code);
  // Its 24-hex id, as limitStatus shows it and as U and R name it, is given now.
  await objectIdOf(deps, merchantId, 'limit', attached.value.id, attached.value.createdAt);
  return { ok: true, effect: 'inserted' };
}
