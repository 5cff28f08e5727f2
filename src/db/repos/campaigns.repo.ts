/**
 * Campaigns: rows, the audience as one SQL condition (counted, or read in keyset batches by customer id),
 * the launch lease, and the results counted from the outbox by source.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { CampaignStatus, DB } from '../schema/index.js';
import type { CampaignTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type CampaignRow = Selectable<CampaignTable>;

/** The audience with codes resolved to ids and the tier to a threshold on the program's basis. */
export interface ResolvedAudience {
  channel: string;
  segmentId?: string | undefined;
  programId?: string | undefined;
  tier?: { basis: 'points' | 'purchaseAmount'; threshold: number } | undefined;
  lastPurchaseAfter?: string | undefined;
  lastPurchaseBefore?: string | undefined;
  minBalance?: number | undefined;
  maxBalance?: number | undefined;
  birthdayMonth?: number | undefined;
}

function audienceWhere(merchantId: string, a: ResolvedAudience, now: string): RawBuilder<unknown> {
  const c: RawBuilder<unknown>[] = [sql`c.merchant_id = ${merchantId}`, sql`c.erased_at is null`];
  if (a.channel === 'email') c.push(sql`c.email is not null`);
  if (a.channel === 'sms') c.push(sql`c.mobile is not null`);
  if (a.channel === 'push')
    c.push(
      sql`exists (select 1 from push_subscriptions p where p.merchant_id = c.merchant_id and p.customer_id = c.id)`,
    );
  if (a.segmentId !== undefined)
    c.push(
      sql`exists (select 1 from segment_members m where m.customer_id = c.id and m.segment_id = ${a.segmentId})`,
    );
  if (a.birthdayMonth !== undefined) c.push(sql`c.birth_month = ${a.birthdayMonth}`);
  if (a.lastPurchaseAfter !== undefined)
    c.push(
      sql`exists (select 1 from sales s where s.merchant_id = c.merchant_id and s.customer_id = c.id and s.sold_at >= ${a.lastPurchaseAfter})`,
    );
  if (a.lastPurchaseBefore !== undefined) {
    c.push(sql`exists (select 1 from sales s where s.merchant_id = c.merchant_id and s.customer_id = c.id)`);
    c.push(
      sql`not exists (select 1 from sales s where s.merchant_id = c.merchant_id and s.customer_id = c.id and s.sold_at >= ${a.lastPurchaseBefore})`,
    );
  }
  const card: RawBuilder<unknown>[] = [];
  if (a.programId !== undefined) card.push(sql`k.program_id = ${a.programId}`);
  const points = sql`(select coalesce(sum(l.remaining), 0) from lots l where l.card_id = k.id
    and (l.pending_until is null or l.pending_until <= ${now}) and (l.expires_at is null or l.expires_at > ${now}))`;
  if (a.minBalance !== undefined) card.push(sql`${points} >= ${a.minBalance}`);
  if (a.maxBalance !== undefined) card.push(sql`${points} <= ${a.maxBalance}`);
  if (a.tier !== undefined) {
    const value =
      a.tier.basis === 'purchaseAmount'
        ? sql`(select coalesce(sum(s.total_minor - s.returned_minor), 0) from sales s where s.card_id = k.id and s.status <> 'cancelled')`
        : sql`(select coalesce(sum(l.remaining), 0) from lots l where l.card_id = k.id and (l.expires_at is null or l.expires_at > ${now}))`;
    card.push(sql`${value} >= ${a.tier.threshold}`);
  }
  if (card.length > 0)
    c.push(
      sql`exists (select 1 from cards k where k.merchant_id = c.merchant_id and k.customer_id = c.id and k.status = 'active' and ${sql.join(card, sql` and `)})`,
    );
  return sql.join(c, sql` and `);
}

export async function countAudience(
  db: Kysely<DB>,
  merchantId: string,
  a: ResolvedAudience,
  now: string,
): Promise<number> {
  const r = await sql<{
    n: number | string;
  }>`select count(*) as n from customers c where ${audienceWhere(merchantId, a, now)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The next `limit` customer ids of the audience after `after` (keyset), in id order. */
export async function audienceBatch(
  db: Kysely<DB>,
  merchantId: string,
  a: ResolvedAudience,
  now: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const r = await sql<{ id: string }>`select c.id as id from customers c
    where ${audienceWhere(merchantId, a, now)} ${after === null ? sql`` : sql`and c.id > ${after}`}
    order by c.id limit ${limit}`.execute(db);
  return r.rows.map((row) => row.id);
}

export async function insertCampaign(db: Kysely<DB>, row: Insertable<CampaignTable>): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export function findCampaign(db: Kysely<DB>, merchantId: string, id: string) {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCampaigns(db: Kysely<DB>, merchantId: string, after: string | undefined, limit: number) {
  let q = db.selectFrom('campaigns').selectAll().where('merchant_id', '=', merchantId);
  if (after !== undefined) q = q.where('id', '<', after);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Moves a campaign from one status to another; false when it was not in `from` (someone else moved it). */
export async function moveCampaign(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  from: CampaignStatus[],
  set: Partial<Insertable<CampaignTable>>,
): Promise<boolean> {
  const r = await db
    .updateTable('campaigns')
    .set(set)
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Due campaigns: scheduled and due, or launching under a lease that ran out (its process died). */
export function dueCampaigns(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'merchant_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'scheduled'), eb('schedule_at', '<=', now)]),
        eb.and([eb('status', '=', 'launching'), eb('lease_until', '<=', now)]),
      ]),
    )
    .orderBy('schedule_at')
    .limit(limit)
    .execute();
}

/** Takes the launch of a due campaign; the row when this owner got it. */
export async function claimCampaign(
  db: Kysely<DB>,
  id: string,
  owner: string,
  now: string,
  leaseUntil: string,
): Promise<CampaignRow | undefined> {
  const r = await db
    .updateTable('campaigns')
    .set({ status: 'launching', lease_owner: owner, lease_until: leaseUntil, updated_at: now })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'scheduled'), eb('schedule_at', '<=', now)]),
        eb.and([eb('status', '=', 'launching'), eb('lease_until', '<=', now)]),
      ]),
    )
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records the launch's progress in the batch's transaction; false when the lease was lost. */
export async function saveProgress(
  tx: Tx,
  id: string,
  owner: string,
  p: { cursor: string; added: number; leaseUntil: string; now: string },
): Promise<boolean> {
  const r = await tx
    .updateTable('campaigns')
    .set((eb) => ({
      cursor: p.cursor,
      queued: eb('queued', '+', p.added),
      lease_until: p.leaseUntil,
      updated_at: p.now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'launching')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Message counts of a campaign by outbox status. */
export async function campaignResults(
  db: Kysely<DB>,
  merchantId: string,
  source: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('merchant_id', '=', merchantId)
    .where('source', '=', source)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
