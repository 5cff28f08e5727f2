/**
 * Balances, derived at read time from lots and dates (right even if the expiry job has not run), purchase
 * figures from sales, tier status, and the statement.
 */
import type { Kysely } from 'kysely';
import { encodeCursor, decodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { summaryBalance, tierBasis, type CardSummary } from '../../core/sales/card-summary.js';
import { tierStatus, type TierStatus } from '../../core/rules/index.js';
import {
  cardsOfCustomer,
  findCardByNumber,
  findCardWithSummary,
  type BalanceCard,
} from '../../db/repos/cards.repo.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import * as ledger from '../../db/repos/ledger.repo.js';
import { currentSummary, freshSummary, yearRange } from '../sales/current-summary.js';
import * as sales from '../../db/repos/sales.repo.js';
import { rewardedStepIndexes } from '../../db/repos/vouchers.repo.js';
import type { DB } from '../../db/schema/index.js';
import { cardDiscountMinor } from '../../db/repos/cards.repo.js';
import { customerIdsBy } from '../../db/repos/customers.repo.js';
import type { Deps } from '../context.js';

export interface PointsBalance {
  active: number;
  pending: number;
  expired: number;
  frozen: number;
  nearestExpiry: { amount: number; date: string } | null;
  discountMinor: number;
  walletMinor: number;
}

/**
 * The points of a card at `now`, from its summary (computed again from the lots when stale); reads inside or
 * outside a transaction. The card's discount is read again unless the caller passes the value it has read.
 */
export async function pointsBalance(
  db: Kysely<DB>,
  card: { id: string; status: string },
  now: string,
  { discountMinor }: { discountMinor?: number } = {},
): Promise<PointsBalance> {
  const { summary } = await currentSummary(db, card.id, now);
  const discount = discountMinor ?? (await cardDiscountMinor(db, card.id));
  return {
    ...summaryBalance(summary, card.status === 'blocked'),
    discountMinor: discount,
    walletMinor: summary.walletMinor,
  };
}

/** The value tiers are measured on: unexpired points (active, frozen or pending), or purchases to date. */
export async function tierValue(
  db: Kysely<DB>,
  card: { id: string; status: string },
  basis: 'points' | 'purchaseAmount',
  now: string,
): Promise<number> {
  return tierBasis((await currentSummary(db, card.id, now)).summary, basis);
}

export interface CardBalance extends PointsBalance {
  cardNumber: string;
  cardStatus: string;
  customerId: string | null;
  programId: string | null;
  purchases: {
    period: { from: string; to: string; count: number; amount: number };
    cumulative: { count: number; amount: number };
    firstDate: string | null;
    lastDate: string | null;
  };
  tier: (TierStatus & { value: number }) | null;
}

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** The period asked for; its missing bounds are the current calendar year's (UTC). */
function resolvePeriod(period: Period, now: string): { from: string; to: string } {
  if (period.from !== undefined && period.to !== undefined) return { from: period.from, to: period.to };
  const year = yearRange(now);
  return { from: period.from ?? year.from, to: period.to ?? year.to };
}

async function balanceOfCard(
  deps: Deps,
  card: BalanceCard,
  period: Period,
  /** What was read with the card; what is absent is read here. */
  known: {
    /** The stored summary (null: none stored). */
    summary?: CardSummary | null;
    /** The program's settings version (an unchanged program comes from memory). */
    programVersion?: number | null;
    /** The steps whose reward the card has had. */
    rewardedSteps?: number[];
  } = {},
): Promise<CardBalance> {
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  const summary = await freshSummary(deps, card.id, now, known.summary);
  const points = summaryBalance(summary, card.status === 'blocked');
  const range = resolvePeriod(period, now);
  const year = yearRange(now);
  const inPeriod =
    range.from === year.from && range.to === year.to
      ? summary.yearFigures
      : await sales.purchaseStats(deps.db, card.id, range);
  const program = await sales.loadLedgerProgram(deps.db, card.programId, known.programVersion);
  let tier: CardBalance['tier'] = null;
  if (program.tiers.steps.length > 0) {
    const value = tierBasis(summary, program.tiers.type);
    const rewarded = known.rewardedSteps ?? (await rewardedStepIndexes(deps.db, card.id));
    tier = { ...tierStatus(program.tiers, value, rewarded), value };
  }
  return {
    cardNumber: card.number,
    cardStatus: card.status,
    customerId: card.customerId,
    programId: card.programId,
    ...points,
    discountMinor: card.discountMinor,
    walletMinor: summary.walletMinor,
    purchases: {
      period: { ...range, count: inPeriod.count, amount: inPeriod.amount },
      cumulative: { count: summary.purchases.count, amount: summary.purchases.amount },
      firstDate: summary.purchases.first,
      lastDate: summary.purchases.last,
    },
    tier,
  };
}

export async function balanceByCard(
  deps: Deps,
  merchantId: string,
  number: string,
  period: Period = {},
): Promise<Result<CardBalance>> {
  const found = await findCardWithSummary(deps.db, merchantId, number);
  if (!found) return fail('CARD_NOT_FOUND');
  return ok(await balanceOfCard(deps, found.card, period, found));
}

async function balancesOfCustomer(deps: Deps, merchantId: string, customerId: string, period: Period) {
  const cards = await cardsOfCustomer(deps.db, merchantId, customerId);
  const data: CardBalance[] = [];
  for (const card of cards) data.push(await balanceOfCard(deps, card, period));
  return { customerId, cards: data };
}

export interface CustomerBalances {
  customerId: string;
  cards: CardBalance[];
}

export async function balanceByCustomer(
  deps: Deps,
  merchantId: string,
  customerId: string,
  period: Period = {},
): Promise<Result<CustomerBalances>> {
  if (!(await customerExists(deps.db, merchantId, customerId))) return fail('CUSTOMER_NOT_FOUND');
  return ok(await balancesOfCustomer(deps, merchantId, customerId, period));
}

/** Balances of every customer found by mobile (E.164) or customer code. */
export async function balancesBy(
  deps: Deps,
  merchantId: string,
  by: { mobile?: string | undefined; customerCode?: string | undefined },
  period: Period = {},
): Promise<Result<{ data: CustomerBalances[] }>> {
  if (by.mobile === undefined && by.customerCode === undefined) {
    return fail('VALIDATION_FAILED', 'Give mobile or customerCode.');
  }
  const ids = await customerIdsBy(
    deps.db,
    merchantId,
    { mobile: by.mobile?.replace(/[\s.()-]/g, ''), customerCode: by.customerCode },
    20,
  );
  if (ids.length === 0) return fail('CUSTOMER_NOT_FOUND');
  const data: CustomerBalances[] = [];
  for (const id of ids) data.push(await balancesOfCustomer(deps, merchantId, id, period));
  return ok({ data });
}

export interface StatementLine {
  id: string;
  date: string;
  kind: string;
  points: number;
  receipt: string | null;
  storeCode: string | null;
  terminalCode: string | null;
  reason: string | null;
}

export async function cardStatement(
  deps: Deps,
  merchantId: string,
  number: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<{ data: StatementLine[]; nextCursor: string | null }>> {
  const card = await findCardByNumber(deps.db, merchantId, number);
  if (!card) return fail('CARD_NOT_FOUND');
  let before: string | undefined;
  if (page.cursor !== undefined) {
    before = decodeCursor(page.cursor);
    if (before === undefined) return fail('INVALID_CURSOR');
  }
  const rows = await ledger.statement(deps.db, card.id, { before, limit: page.limit + 1 });
  const data = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    date: r.created_at,
    kind: r.kind,
    points: Number(r.points),
    receipt: r.receipt ?? null,
    storeCode: r.store_code ?? null,
    terminalCode: r.terminal_code ?? null,
    reason: r.reason,
  }));
  const last = data.at(-1);
  return ok({ data, nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null });
}
