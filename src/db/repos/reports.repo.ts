/** The dashboard's aggregates (/v1/reports): one merchant, computed by the database, never row by row here. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

const n = (value: unknown): number => Number(value ?? 0);

export interface SalesFigures {
  count: number;
  amountMinor: number;
  returnedMinor: number;
  cancelled: number;
  activeCustomers: number;
}

/** Sales dated within [from, to): counts and amounts (cancelled sales counted apart), distinct customers. */
export async function salesFigures(
  db: Kysely<DB>,
  merchantId: string,
  period: { from: string; to: string },
): Promise<SalesFigures> {
  const row = await db
    .selectFrom('sales')
    .select([
      sql<number>`sum(case when status <> 'cancelled' then 1 else 0 end)`.as('n'),
      sql<number>`sum(case when status <> 'cancelled' then total_minor else 0 end)`.as('amount'),
      sql<number>`sum(case when status <> 'cancelled' then returned_minor else 0 end)`.as('returned'),
      sql<number>`sum(case when status = 'cancelled' then 1 else 0 end)`.as('cancelled'),
      sql<number>`count(distinct case when status <> 'cancelled' then customer_id end)`.as('customers'),
    ])
    .where('merchant_id', '=', merchantId)
    .where('sold_at', '>=', period.from)
    .where('sold_at', '<', period.to)
    .executeTakeFirst();
  return {
    count: n(row?.n),
    amountMinor: n(row?.amount),
    returnedMinor: n(row?.returned),
    cancelled: n(row?.cancelled),
    activeCustomers: n(row?.customers),
  };
}

export interface PointsFigures {
  earned: number;
  burnt: number;
  expired: number;
  reversed: number;
  adjusted: number;
}

/** Ledger movements written within [from, to), by kind; debits reported as positive numbers. */
export async function pointsFigures(
  db: Kysely<DB>,
  merchantId: string,
  period: { from: string; to: string },
): Promise<PointsFigures> {
  const row = await db
    .selectFrom('movements')
    .select([
      sql<number>`sum(case when kind = 'earn' then points else 0 end)`.as('earned'),
      sql<number>`sum(case when kind = 'redeem' then -points else 0 end)`.as('burnt'),
      sql<number>`sum(case when kind = 'expire' then -points else 0 end)`.as('expired'),
      sql<number>`sum(case when kind = 'reverse' then points else 0 end)`.as('reversed'),
      sql<number>`sum(case when kind = 'adjust' then points else 0 end)`.as('adjusted'),
    ])
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .executeTakeFirst();
  return {
    earned: n(row?.earned),
    burnt: n(row?.burnt),
    expired: n(row?.expired),
    reversed: n(row?.reversed),
    adjusted: n(row?.adjusted),
  };
}

/**
 * The points the merchant owes at `now`: what is left on lots that are neither pending nor expired (overdrafts
 * count negatively, as in a balance), the pending points apart, and what expires by each horizon.
 */
export async function liability(
  db: Kysely<DB>,
  merchantId: string,
  now: string,
  horizons: readonly { days: number; until: string }[],
): Promise<{ active: number; pending: number; expiring: { days: number; points: number }[] }> {
  const isPending = sql`pending_until is not null and pending_until > ${now}`;
  const isExpired = sql`expires_at is not null and expires_at <= ${now}`;
  let query = db
    .selectFrom('lots')
    .select([
      sql<number>`sum(case when ${isPending} or ${isExpired} then 0 else remaining end)`.as('active'),
      sql<number>`sum(case when ${isPending} and not (${isExpired}) then remaining else 0 end)`.as('pending'),
    ])
    .where('merchant_id', '=', merchantId);
  horizons.forEach((h, i) => {
    query = query.select(
      sql<number>`sum(case when remaining > 0 and expires_at > ${now} and expires_at <= ${h.until} then remaining else 0 end)`.as(
        `h${i}`,
      ),
    );
  });
  const row = (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
  return {
    active: n(row?.active),
    pending: n(row?.pending),
    expiring: horizons.map((h, i) => ({ days: h.days, points: n(row?.[`h${i}`]) })),
  };
}

/**
 * The active points of programs that give their points a value (point_value_per_100), by currency: the points
 * and their value in hundredths of a minor unit (sum of remaining × value per 100 points), aggregated in SQL.
 */
export async function liabilityValue(
  db: Kysely<DB>,
  merchantId: string,
  now: string,
): Promise<{ currency: string; points: number; valueCenti: number }[]> {
  const active = sql`(lots.pending_until is null or lots.pending_until <= ${now}) and (lots.expires_at is null or lots.expires_at > ${now})`;
  const rows = await db
    .selectFrom('lots')
    .innerJoin('cards', 'cards.id', 'lots.card_id')
    .innerJoin('programs', 'programs.id', 'cards.program_id')
    .select([
      'programs.currency',
      sql<number>`sum(case when ${active} then lots.remaining else 0 end)`.as('points'),
      sql<number>`sum(case when ${active} then cast(lots.remaining as bigint) * programs.point_value_per_100 else 0 end)`.as(
        'value',
      ),
    ])
    .where('lots.merchant_id', '=', merchantId)
    .where('programs.point_value_per_100', 'is not', null)
    .groupBy('programs.currency')
    .orderBy('programs.currency')
    .execute();
  // currencies of valued programs without any lot yet answer 0
  const valued = await db
    .selectFrom('programs')
    .select('currency')
    .distinct()
    .where('merchant_id', '=', merchantId)
    .where('point_value_per_100', 'is not', null)
    .execute();
  const out = rows.map((r) => ({ currency: r.currency, points: n(r.points), valueCenti: n(r.value) }));
  for (const { currency } of valued)
    if (!out.some((o) => o.currency === currency)) out.push({ currency, points: 0, valueCenti: 0 });
  return out.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Customers of the merchant who are not erased and still active. */
export async function customerCount(db: Kysely<DB>, merchantId: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select(sql<number>`count(*)`.as('n'))
    .where('merchant_id', '=', merchantId)
    .where('active', '=', 1)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return n(row?.n);
}

/**
 * Active cards of a program by tier: each card's tier value (purchases to date, or unexpired points) is
 * bucketed by a `case` over the thresholds from the highest down (core/reports tierBuckets); 0 is no tier.
 */
export async function tierCounts(
  db: Kysely<DB>,
  merchantId: string,
  program: {
    id: string;
    basis: 'points' | 'purchaseAmount';
    buckets: { index: number; threshold: number }[];
  },
  now: string,
): Promise<Map<number, number>> {
  const values =
    program.basis === 'purchaseAmount'
      ? sql`select card_id, sum(total_minor - returned_minor) as value from sales
            where merchant_id = ${merchantId} and status <> 'cancelled' and card_id is not null group by card_id`
      : sql`select card_id, sum(remaining) as value from lots
            where merchant_id = ${merchantId} and (expires_at is null or expires_at > ${now}) group by card_id`;
  const bucket =
    program.buckets.length === 0
      ? sql`0`
      : sql`case ${sql.join(
          program.buckets.map((b) => sql`when coalesce(v.value, 0) >= ${b.threshold} then ${b.index}`),
          sql` `,
        )} else 0 end`;
  const result = await sql<{ tier: number; cards: number }>`
    select t.tier as tier, count(*) as cards from (
      select ${bucket} as tier from cards c left join (${values}) v on v.card_id = c.id
      where c.merchant_id = ${merchantId} and c.program_id = ${program.id} and c.status = 'active'
    ) t group by t.tier`.execute(db);
  return new Map(result.rows.map((r) => [n(r.tier), n(r.cards)]));
}

export interface DayRow {
  day: string;
  sales: number;
  amountMinor: number;
  earned: number;
  burnt: number;
}

/** Sales and points per UTC day within [from, to) (days without any are absent). */
export async function dailySeries(
  db: Kysely<DB>,
  merchantId: string,
  period: { from: string; to: string },
): Promise<DayRow[]> {
  const sales = await db
    .selectFrom('sales')
    .select([
      sql<string>`substr(sold_at, 1, 10)`.as('day'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(total_minor - returned_minor)`.as('amount'),
    ])
    .where('merchant_id', '=', merchantId)
    .where('sold_at', '>=', period.from)
    .where('sold_at', '<', period.to)
    .where('status', '<>', 'cancelled')
    .groupBy(sql`substr(sold_at, 1, 10)`)
    .execute();
  const points = await db
    .selectFrom('movements')
    .select([
      sql<string>`substr(created_at, 1, 10)`.as('day'),
      sql<number>`sum(case when kind = 'earn' then points else 0 end)`.as('earned'),
      sql<number>`sum(case when kind = 'redeem' then -points else 0 end)`.as('burnt'),
    ])
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy(sql`substr(created_at, 1, 10)`)
    .execute();
  const days = new Map<string, DayRow>();
  const at = (day: string) => {
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, sales: 0, amountMinor: 0, earned: 0, burnt: 0 }));
    return row;
  };
  for (const r of sales) Object.assign(at(r.day), { sales: n(r.n), amountMinor: n(r.amount) });
  for (const r of points) Object.assign(at(r.day), { earned: n(r.earned), burnt: n(r.burnt) });
  return [...days.values()];
}
