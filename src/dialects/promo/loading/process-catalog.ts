/**
 * The Entity Import of a queued catalog request: every item applied in order, in batches of 200 per
 * transaction with a savepoint per item; a bad item is recorded in the import (rec number, message) and
 * never loses the good ones (spec §5.2 rules 2–3).
 */
import type { Deps } from '../../../app/context.js';
import {
  applyCatalogEntry,
  applyReferenceEntry,
  clearCatalog,
  clearReferenceCatalog,
  referenceCodeExists,
  type EntryOutcome,
} from '../../../app/loading/catalog-entries.js';
import { RejectImport, type ImportReport } from '../../../app/loading/import-queue.js';
import { applyBatches, applyInBatches } from '../../../app/loading/item-batches.js';
import {
  applyRedeemBenefit,
  clearRedeemBenefits,
  type DiscountType,
} from '../../../app/loading/price-points.js';
import { parseAmount } from '../../../core/elements/index.js';
import { catalogFormat, itemOperation, type CatalogFormat, type ItemOperation } from './catalog-formats.js';
import { paramsOf, text, truthy } from './envelopes.js';
import { customerBatch } from './customer-batch.js';
import { ERASED_ITEM_MESSAGE, isErasedItem } from './erased-items.js';
import { assignItem, cardItem, customerItem, prepareAssign } from './process-elements.js';
import { exclusionItem } from './process-exclusions.js';

export const NOT_FOUND = 'not found';
export const ALREADY_EXISTS = 'already exists';

/** A failed item: its message, recorded at `rec:<n>`. */
export type ItemResult = { ok: true; effect: string } | { ok: false; code: string; msg: string };

export const done = (o: EntryOutcome): ItemResult =>
  o.ok
    ? { ok: true, effect: o.effect }
    : o.reason === 'NOT_FOUND'
      ? { ok: false, code: 'NOT_FOUND', msg: NOT_FOUND }
      : { ok: false, code: 'ALREADY_EXISTS', msg: ALREADY_EXISTS };

export const bad = (msg: string, code = 'INVALID_ITEM'): ItemResult => ({ ok: false, code, msg });

const DISCOUNT: Record<string, DiscountType> = { perc: 'percentage', fix: 'fixed', nprice: 'new-price' };

export interface ItemContext {
  deps: Deps;
  merchantId: string;
  format: CatalogFormat;
  params: Record<string, unknown>;
  importId: string;
  /** CatalogCardAssign: the params' element type and agreement, checked once. */
  assign?: { typeCode: string; agreementId: string };
  report?: ImportReport;
}

export async function processCatalog(
  deps: Deps,
  merchantId: string,
  body: unknown,
  report: ImportReport,
  importId: string,
): Promise<void> {
  const b = body as Record<string, unknown>;
  const format = catalogFormat(String(b.catalog ?? ''));
  if (!format) throw new RejectImport('CATALOG_UNKNOWN', `El catálogo ${String(b.catalog)} no existe`);
  const params = paramsOf(b.params) ?? {};
  const items = Array.isArray(b.items) ? b.items : [];
  const ctx: ItemContext = { deps, merchantId, format, params, importId, report };
  if (format.format.kind === 'assign') await prepareAssign(ctx);
  if (truthy(params.deleteAllCollectionFirst)) await clearAll(ctx);
  const applyOne = async (joined: Deps, raw: unknown, report: ImportReport): Promise<ItemResult> => {
    const read = readOperation(raw, format);
    return 'op' in read ? applyItem({ ...ctx, deps: joined, report }, read.op, read.item) : read.refused;
  };
  // One transaction per batch of items, each item in its own savepoint (a bad item loses nothing else);
  // customers are read and written a batch at a time.
  if (format.format.kind === 'customer') {
    await applyBatches(
      deps,
      items,
      (batch) => customerBatch(ctx, batch, (joined, raw, _index, scratch) => applyOne(joined, raw, scratch)),
      report,
    );
    return;
  }
  await applyInBatches(deps, items, (joined, raw, _index, scratch) => applyOne(joined, raw, scratch), report);
}

/** An item's operation, or why the item is refused before anything is read. */
export function readOperation(
  raw: unknown,
  format: CatalogFormat,
): { op: ItemOperation; item: Record<string, unknown> } | { refused: ItemResult } {
  if (isErasedItem(raw)) return { refused: bad(ERASED_ITEM_MESSAGE, 'ITEM_ERASED') };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { refused: bad('El registro debe ser un objeto') };
  const item = raw as Record<string, unknown>;
  const op = itemOperation(item.operation ?? item.operacion, format);
  if (op === 'INVALID')
    return {
      refused: bad(
        `Operación inválida: ${String(item.operation ?? '')}. Use I, U, UI, R o D`,
        'OPERATION_INVALID',
      ),
    };
  if (op === 'NOT_ALLOWED')
    return {
      refused: bad(
        `La operación ${String(item.operation)} no aplica al catálogo ${format.id}`,
        'OPERATION_NOT_ALLOWED',
      ),
    };
  return { op, item };
}

async function clearAll(ctx: ItemContext): Promise<void> {
  const k = ctx.format.format;
  if (k.kind === 'code') await clearCatalog(ctx.deps, ctx.merchantId, ctx.format.id);
  else if (k.kind === 'reference') await clearReferenceCatalog(ctx.deps, ctx.merchantId, k.catalog);
  else if (k.kind === 'redeem') await clearRedeemBenefits(ctx.deps, ctx.merchantId);
  // Customers and exclusion dates are not wiped wholesale: their records belong to other services.
}

function applyItem(ctx: ItemContext, op: ItemOperation, item: Record<string, unknown>): Promise<ItemResult> {
  const k = ctx.format.format;
  switch (k.kind) {
    case 'code':
      return codeItem(ctx, k, op, item);
    case 'reference':
      return referenceItem(ctx, k, op, item);
    case 'redeem':
      return redeemItem(ctx, op, item);
    case 'customer':
      return customerItem(ctx, op, item);
    case 'exclusion':
      return exclusionItem(ctx, op, item);
    case 'assign':
      return assignItem(ctx, op, item);
    case 'card':
      return cardItem(ctx, op, item);
  }
}

async function codeItem(
  ctx: ItemContext,
  k: Extract<CatalogFormat['format'], { kind: 'code' }>,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const code = text(item.code);
  if (!code) return bad('El campo code es requerido', 'CODE_REQUIRED');
  const name = k.nameField ? text(item[k.nameField]) : null;
  const data: Record<string, unknown> = {};
  for (const f of k.fields) if (item[f] !== undefined && item[f] !== null) data[f] = item[f];
  return done(
    await applyCatalogEntry(ctx.deps, ctx.merchantId, ctx.format.id, op, { code, name, data }, k.unique),
  );
}

async function referenceItem(
  ctx: ItemContext,
  k: Extract<CatalogFormat['format'], { kind: 'reference' }>,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const code = text(item.code);
  if (!code) return bad('El campo code es requerido', 'CODE_REQUIRED');
  const description = text(item.description) ?? text(item.name) ?? '';
  if (!description && (op === 'insert' || op === 'upsert'))
    return bad('El campo description es requerido', 'DESCRIPTION_REQUIRED');
  let parent: string | null = null;
  if (k.parentField && op !== 'remove' && op !== 'delete-by-code') {
    parent = text(item[k.parentField]);
    if (!parent) return bad(`El campo ${k.parentField} es requerido`, 'PARENT_REQUIRED');
    if (!(await referenceCodeExists(ctx.deps, ctx.merchantId, k.parentCatalog!, parent))) {
      const parentName = k.parentCatalog === 'country' ? 'CatalogCountry' : 'CatalogState';
      return bad(`El código ${parent} no existe en el catálogo ${parentName}`, 'PARENT_UNKNOWN');
    }
  }
  return done(
    await applyReferenceEntry(ctx.deps, ctx.merchantId, k.catalog, op, { code, description, parent }),
  );
}

async function redeemItem(
  ctx: ItemContext,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const store = text(item.store);
  const code = text(item.code);
  if (!store) return bad('El campo store es requerido', 'STORE_REQUIRED');
  if (!code) return bad('El campo code es requerido', 'CODE_REQUIRED');
  let points = 0;
  let value = 0;
  let type: DiscountType = 'percentage';
  if (op !== 'remove') {
    const p = parseAmount(item.points);
    if (!p.ok || p.sign === '-')
      return bad('El campo points debe ser numérico y no negativo', 'POINTS_INVALID');
    const v = parseAmount(item.discountValue);
    if (!v.ok || v.sign === '-')
      return bad('El campo discountValue debe ser numérico y no negativo', 'DISCOUNT_INVALID');
    const t = DISCOUNT[text(item.discountType) ?? ''];
    if (!t) return bad('El campo discountType debe ser perc, fix o nprice', 'DISCOUNT_TYPE_INVALID');
    points = p.minor;
    value = v.minor;
    type = t;
  }
  return done(
    await applyRedeemBenefit(ctx.deps, ctx.merchantId, op, {
      storeCode: store,
      productCode: code,
      pointsHundredths: points,
      discountHundredths: value,
      discountType: type,
    }),
  );
}
