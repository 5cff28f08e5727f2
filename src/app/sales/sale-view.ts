/** Reading sales: one sale by id, or a page of them (optionally one card's), newest first. */
import { encodeCursor, decodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { storedLineView, type LegacyCategoryFields, type SaleLine } from '../../core/rules/index.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import * as sales from '../../db/repos/sales.repo.js';
import type { Deps } from '../context.js';

export interface SaleView {
  id: string;
  receipt: string;
  storeId: string;
  terminalId: string | null;
  seller: string | null;
  cardId: string | null;
  customerId: string | null;
  date: string;
  totalMinor: number;
  status: string;
  earnedPoints: number;
  redeemedPoints: number;
  reversedPoints: number;
  returnedMinor: number;
  /** In today's form (attributes), with the legacy category fields for readers of the old form. */
  lines: (SaleLine & LegacyCategoryFields)[];
  createdAt: string;
}

export function saleView(row: sales.SaleRow): SaleView {
  return {
    id: row.id,
    receipt: row.receipt,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    seller: row.seller,
    cardId: row.card_id,
    customerId: row.customer_id,
    date: row.sold_at,
    totalMinor: Number(row.total_minor),
    status: row.status,
    earnedPoints: Number(row.earned_points),
    redeemedPoints: Number(row.redeemed_points),
    reversedPoints: Number(row.reversed_points),
    returnedMinor: Number(row.returned_minor),
    lines: (JSON.parse(row.lines) as (SaleLine & LegacyCategoryFields)[]).map(storedLineView),
    createdAt: row.created_at,
  };
}

export async function getSale(deps: Deps, merchantId: string, id: string): Promise<Result<SaleView>> {
  const row = await sales.findSale(deps.db, merchantId, id);
  return row ? ok(saleView(row)) : fail('SALE_NOT_FOUND');
}

export async function listSales(
  deps: Deps,
  merchantId: string,
  query: { cardNumber?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Result<{ data: SaleView[]; nextCursor: string | null }>> {
  let cardId: string | undefined;
  if (query.cardNumber !== undefined) {
    const card = await findCardByNumber(deps.db, merchantId, query.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    cardId = card.id;
  }
  let before: string | undefined;
  if (query.cursor !== undefined) {
    before = decodeCursor(query.cursor);
    if (before === undefined) return fail('INVALID_CURSOR');
  }
  const rows = await sales.listSales(deps.db, merchantId, { cardId, before, limit: query.limit + 1 });
  const data = rows.slice(0, query.limit).map(saleView);
  const last = data.at(-1);
  return ok({ data, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null });
}
