/** The lots of a card (its earnings), by pages, each with its state now: the detail behind a balance. */
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { lotState, type Lot } from '../../core/ledger/lot.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { lotPage } from '../../db/repos/lots.repo.js';
import type { Deps } from '../context.js';

export interface LotView {
  id: string;
  earnedAt: string;
  amount: number;
  remaining: number;
  burnt: number;
  pendingUntil: string | null;
  expiresAt: string | null;
  /** pending, active or expired (derived from the dates, as the balance is); spent when nothing remains. */
  state: 'pending' | 'active' | 'expired' | 'spent';
  receipt: string | null;
}

export async function cardLots(
  deps: Deps,
  merchantId: string,
  number: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<{ data: LotView[]; nextCursor: string | null }>> {
  const card = await findCardByNumber(deps.db, merchantId, number);
  if (!card) return fail('CARD_NOT_FOUND');
  let before: string | undefined;
  if (page.cursor !== undefined) {
    before = decodeCursor(page.cursor);
    if (before === undefined) return fail('INVALID_CURSOR');
  }
  const now = deps.now().toISOString();
  const rows = await lotPage(deps.db, card.id, { before, limit: page.limit + 1 });
  const data = rows.slice(0, page.limit).map((r): LotView => {
    const lot: Lot = {
      id: r.id,
      amount: Number(r.amount),
      remaining: Number(r.remaining),
      burnt: Number(r.burnt),
      earnedAt: r.earned_at,
      pendingUntil: r.pending_until,
      expiresAt: r.expires_at,
    };
    const state = lotState(lot, now);
    return {
      id: lot.id,
      earnedAt: lot.earnedAt,
      amount: lot.amount,
      remaining: lot.remaining,
      burnt: lot.burnt ?? 0,
      pendingUntil: lot.pendingUntil,
      expiresAt: lot.expiresAt,
      state: state !== 'expired' && lot.remaining === 0 ? 'spent' : state,
      receipt: r.receipt ?? null,
    };
  });
  const last = data.at(-1);
  return ok({ data, nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null });
}
