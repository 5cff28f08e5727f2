/** Automations of merchants and the occasions they answer: birthdays, points expiring, enrolments, tiers. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema/index.js';
import type { WebhookEventType } from '../../core/messaging/webhook-events.js';
import type { AutomationTable } from '../schema/index.js';

export type AutomationRow = Selectable<AutomationTable>;

export function listAutomations(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('automations')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('kind')
    .execute();
}

export function enabledAutomations(db: Kysely<DB>) {
  return db.selectFrom('automations').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export function findAutomation(db: Kysely<DB>, merchantId: string, kind: string) {
  return db
    .selectFrom('automations')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function saveAutomation(db: Kysely<DB>, row: Insertable<AutomationTable>): Promise<void> {
  await db
    .insertInto('automations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'kind']).doUpdateSet({
        enabled: row.enabled,
        channel: row.channel,
        template: row.template,
        language: row.language ?? null,
        days_before: row.days_before ?? null,
        voucher: row.voucher ?? null,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteAutomation(db: Kysely<DB>, merchantId: string, kind: string): Promise<boolean> {
  const r = await db
    .deleteFrom('automations')
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Which of these outbox keys the merchant has already used. */
export async function usedKeys(
  db: Kysely<DB>,
  merchantId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('outbox_messages')
    .select('idempotency_key')
    .where('merchant_id', '=', merchantId)
    .where('idempotency_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.idempotency_key!));
}

/** Customers whose birthday is this day and month. */
export async function birthdays(db: Kysely<DB>, merchantId: string, month: number, days: readonly number[]) {
  return db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('erased_at', 'is', null)
    .where('birth_month', '=', month)
    .where('birth_day', 'in', days)
    .orderBy('id')
    .execute();
}

/** Active points of customers' cards expiring in (now, until], per card and day. */
export async function expiringPoints(db: Kysely<DB>, merchantId: string, now: string, until: string) {
  const r = await sql<{ card_id: string; customer_id: string; day: string; points: number | string }>`
    select k.id as card_id, k.customer_id as customer_id, substr(l.expires_at, 1, 10) as day,
      sum(l.remaining) as points
    from lots l join cards k on k.id = l.card_id
    where l.merchant_id = ${merchantId} and k.customer_id is not null and k.status = 'active'
      and l.remaining > 0 and l.expires_at > ${now} and l.expires_at <= ${until}
      and (l.pending_until is null or l.pending_until <= ${now})
    group by k.id, k.customer_id, substr(l.expires_at, 1, 10)
    order by k.id`.execute(db);
  return r.rows.map((row) => ({ ...row, points: Number(row.points) }));
}

/** Customers created since `since`. */
export function newCustomers(db: Kysely<DB>, merchantId: string, since: string) {
  return db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('erased_at', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('id')
    .execute();
}

/** Events of a type since `since` (the stored webhook events are the log of what happened). */
export function eventsSince(db: Kysely<DB>, merchantId: string, type: WebhookEventType, since: string) {
  return db
    .selectFrom('webhook_events')
    .select(['id', 'payload'])
    .where('merchant_id', '=', merchantId)
    .where('type', '=', type)
    .where('created_at', '>=', since)
    .orderBy('id')
    .execute();
}
