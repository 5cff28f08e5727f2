/**
 * Promotions of a merchant: created, updated and deactivated from the grammar's JSON form (validated into the
 * typed model on write; 422 with the path of the bad element), read back with their limits and exclusions.
 */
import { randomBytes } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { minorDigits } from '../../core/money/money.js';
import type { Promotion } from '../../core/promotions/model.js';
import { parsePromotion } from '../../core/promotions/parse-promotion.js';
import * as limits from '../../db/repos/limits.repo.js';
import * as repo from '../../db/repos/promotions.repo.js';
import type { PromotionState, PromotionStatus } from '../../db/schema/index.js';
import type { HeaderField } from '../../core/promotions/header-fields.js';
import { findMerchantById } from '../../db/repos/tenancy.repo.js';
import type { Deps } from '../context.js';
import { limitView, type LimitView } from './limit-view.js';
import { incomplete, profileOf, type IncompleteFailure } from './promotion-profile.js';
import { workflowFor } from './workflows.js';

export const newNro = () => randomBytes(12).toString('hex');

export interface PromotionView {
  nro: string;
  code: string;
  name: string;
  status: 'active' | 'inactive';
  revision: number;
  /** The workflow it was given on creation (null: the merchant had no workflow). */
  workflow: string | null;
  /** complete, or incomplete (a draft, or a coupon type it names does not exist); set on every write. */
  state: PromotionState;
  /** The header fields it shows: the active header attributes, with the values its Header conditions require. */
  headerFields: HeaderField[];
  definition: Promotion;
  /** The grammar form as it was written (the console's editor reopens it). */
  source: Record<string, unknown>;
  limits: LimitView[];
  exclusions: { storeCode: string; date: string }[];
  createdAt: string;
  updatedAt: string;
}

export async function merchantDigits(deps: Deps, merchantId: string): Promise<number> {
  const merchant = await findMerchantById(deps.db, merchantId);
  return minorDigits(merchant?.currency ?? 'EUR');
}

async function view(deps: Deps, row: repo.PromotionRow): Promise<PromotionView> {
  const [ls, ex] = await Promise.all([
    limits.limitsOf(deps.db, row.merchant_id, [row.nro]),
    repo.exclusionsOf(deps.db, row.merchant_id, row.nro),
  ]);
  return {
    nro: row.nro,
    code: row.code,
    name: row.name,
    status: row.status === 'active' ? 'active' : 'inactive',
    revision: row.revision,
    workflow: row.workflow,
    state: row.state,
    headerFields: JSON.parse(row.header_fields) as HeaderField[],
    definition: JSON.parse(row.definition) as Promotion,
    source: JSON.parse(row.source) as Record<string, unknown>,
    limits: ls.map(limitView),
    exclusions: ex.map((e) => ({ storeCode: e.store_code, date: e.date })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The nros a posted promotion carries (its own, its benefits'), kept when a map file is loaded as it is. */
function givenNros(body: unknown): { nro: string; benefits: string[] } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { nro?: unknown; benefits?: { benefit?: unknown } };
  const raw = b.benefits?.benefit;
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  const benefits = list
    .map((x) => (typeof x === 'object' && x !== null ? (x as { nro?: unknown }).nro : undefined))
    .filter((n): n is string => typeof n === 'string' && /^[0-9a-f]{24}$/.test(n));
  return { nro: typeof b.nro === 'string' && /^[0-9a-f]{24}$/.test(b.nro) ? b.nro : newNro(), benefits };
}

export interface WriteOptions {
  /** Refuse (PROMOTION_INCOMPLETE) a promotion that is not complete, instead of storing it incomplete. */
  requireComplete?: boolean;
}

/**
 * Creates a promotion; benefits get new nros unless `keepNros` (a map file or a demo keeps its own). It gets
 * the workflow its creator's associations give (`createdBy`: a user id; none: the general default).
 */
export async function createPromotion(
  deps: Deps,
  merchantId: string,
  body: unknown,
  opts: WriteOptions & { keepNros?: boolean; createdBy?: string | null } = {},
): Promise<Result<PromotionView> | IncompleteFailure> {
  const existing = opts.keepNros ? givenNros(body) : undefined;
  const parsed = parsePromotion(body, {
    currencyDigits: await merchantDigits(deps, merchantId),
    newNro,
    ...(existing ? { existing } : {}),
  });
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  if (await repo.findPromotion(deps.db, merchantId, p.nro))
    return fail('PROMOTION_INVALID', `A promotion with nro ${p.nro} already exists; update it with PUT.`, [
      detail('PROMOTION_INVALID', 'nro', 'is taken'),
    ]);
  const profile = await profileOf(deps, merchantId, p);
  if (opts.requireComplete && profile.gaps.length > 0) return incomplete(profile.gaps);
  const now = deps.now().toISOString();
  const row: repo.PromotionRow = {
    nro: p.nro,
    merchant_id: merchantId,
    code: p.code,
    name: p.name,
    status: 'active',
    definition: JSON.stringify(p),
    source: JSON.stringify(body),
    revision: 1,
    workflow: await workflowFor(deps, merchantId, opts.createdBy ?? null),
    state: profile.state,
    header_fields: JSON.stringify(profile.headerFields),
    created_at: now,
    updated_at: now,
  };
  await repo.insertPromotion(deps.db, row);
  return ok(await view(deps, row));
}

export async function getPromotion(
  deps: Deps,
  merchantId: string,
  nro: string,
): Promise<Result<PromotionView>> {
  const row = await repo.findPromotion(deps.db, merchantId, nro);
  if (!row) return fail('PROMOTION_NOT_FOUND', `No promotion has the nro ${nro}.`);
  return ok(await view(deps, row));
}

export async function listPromotions(
  deps: Deps,
  merchantId: string,
  q: {
    limit?: number | undefined;
    cursor?: string | undefined;
    status?: PromotionStatus | undefined;
    code?: string | undefined;
  },
): Promise<Result<{ data: PromotionView[]; nextCursor: string | null }>> {
  const limit = q.limit ?? 50;
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === undefined) return fail('INVALID_CURSOR');
  const rows = await repo.listPromotions(deps.db, merchantId, {
    after,
    status: q.status,
    code: q.code,
    limit,
  });
  const page = rows.slice(0, limit);
  return ok({
    data: await Promise.all(page.map((r) => view(deps, r))),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.nro) : null,
  });
}

/** Replaces the definition; benefits sent with their nro keep it (their limits stay attached). */
export async function updatePromotion(
  deps: Deps,
  merchantId: string,
  nro: string,
  body: unknown,
  opts: WriteOptions = {},
): Promise<Result<PromotionView> | IncompleteFailure> {
  const row = await repo.findPromotion(deps.db, merchantId, nro);
  if (!row) return fail('PROMOTION_NOT_FOUND', `No promotion has the nro ${nro}.`);
  const before = JSON.parse(row.definition) as Promotion;
  const parsed = parsePromotion(body, {
    currencyDigits: await merchantDigits(deps, merchantId),
    newNro,
    existing: { nro, benefits: before.benefits.map((b) => b.nro) },
  });
  if (!parsed.ok) return parsed;
  const now = deps.now().toISOString();
  const p = parsed.value;
  const profile = await profileOf(deps, merchantId, p);
  if (opts.requireComplete && profile.gaps.length > 0) return incomplete(profile.gaps);
  const done = await repo.updatePromotion(deps.db, nro, row.revision, {
    code: p.code,
    name: p.name,
    state: profile.state,
    header_fields: JSON.stringify(profile.headerFields),
    definition: JSON.stringify(p),
    source: JSON.stringify(body),
    updated_at: now,
  });
  if (!done)
    return fail(
      'PROMOTION_INVALID',
      'The promotion changed while it was being updated; send the update again.',
    );
  return getPromotion(deps, merchantId, nro);
}

export async function setPromotionStatus(
  deps: Deps,
  merchantId: string,
  nro: string,
  status: 'active' | 'inactive',
): Promise<Result<PromotionView>> {
  const row = await repo.findPromotion(deps.db, merchantId, nro);
  if (!row) return fail('PROMOTION_NOT_FOUND', `No promotion has the nro ${nro}.`);
  if (row.status !== status)
    await repo.updatePromotion(deps.db, nro, row.revision, { status, updated_at: deps.now().toISOString() });
  return getPromotion(deps, merchantId, nro);
}

/** Adds or removes date exclusions of a promotion at a store ("*": every store). */
export async function changeExclusions(
  deps: Deps,
  merchantId: string,
  nro: string,
  input: { storeCode: string; dates: string[]; operation?: 'add' | 'remove' | undefined },
): Promise<Result<PromotionView>> {
  const row = await repo.findPromotion(deps.db, merchantId, nro);
  if (!row) return fail('PROMOTION_NOT_FOUND', `No promotion has the nro ${nro}.`);
  const bad = input.dates.findIndex((d) => Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
  if (bad >= 0)
    return fail('VALIDATION_FAILED', `dates[${bad}] is not a date.`, [
      detail('VALIDATION_FAILED', `dates[${bad}]`),
    ]);
  if (input.operation === 'remove')
    await repo.deleteExclusions(deps.db, merchantId, nro, input.storeCode, input.dates);
  else
    await repo.insertExclusions(
      deps.db,
      input.dates.map((date) => ({
        merchant_id: merchantId,
        promotion_nro: nro,
        store_code: input.storeCode,
        date,
      })),
    );
  return ok(await view(deps, row));
}
