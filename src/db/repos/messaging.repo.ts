/** What the delivery job reads about recipients and merchants: contacts, consents, templates, settings. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../schema/index.js';
import type { MessageTemplateTable, MessagingSettingsTable, PushSubscriptionTable } from '../schema/index.js';

export interface RecipientRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  civility: string | null;
  email: string | null;
  mobile: string | null;
  customer_code: string | null;
  consents: string;
  blacklist: string;
  erased_at: string | null;
}

export function findRecipient(db: Kysely<DB>, merchantId: string, customerId: string) {
  return db
    .selectFrom('customers')
    .select([
      'id',
      'first_name',
      'last_name',
      'civility',
      'email',
      'mobile',
      'customer_code',
      'consents',
      'blacklist',
      'erased_at',
    ])
    .where('merchant_id', '=', merchantId)
    .where('id', '=', customerId)
    .executeTakeFirst() as Promise<RecipientRow | undefined>;
}

/** Withdraws the customer's consent to a channel (unsubscribe link); true when the customer exists. */
export async function withdrawConsent(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
  channel: 'email' | 'sms' | 'push',
  now: string,
  dbKind: 'sqlite' | 'postgres',
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    let read = tx
      .selectFrom('customers')
      .select('consents')
      .where('merchant_id', '=', merchantId)
      .where('id', '=', customerId);
    if (dbKind === 'postgres') read = read.forUpdate();
    const row = await read.executeTakeFirst();
    if (!row) return false;
    const consents = { ...(JSON.parse(row.consents) as Record<string, boolean>), [channel]: false };
    await tx
      .updateTable('customers')
      .set({ consents: JSON.stringify(consents), updated_at: now })
      .where('merchant_id', '=', merchantId)
      .where('id', '=', customerId)
      .execute();
    return true;
  });
}

export function merchantName(db: Kysely<DB>, merchantId: string) {
  return db.selectFrom('merchants').select('name').where('id', '=', merchantId).executeTakeFirst();
}

export type TemplateRow = Selectable<MessageTemplateTable>;

export function templatesNamed(db: Kysely<DB>, merchantId: string, name: string, channel: string) {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('name', '=', name)
    .where('channel', '=', channel)
    .execute();
}

export function listTemplates(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .orderBy('name')
    .orderBy('channel')
    .orderBy('language')
    .execute();
}

export async function saveTemplate(db: Kysely<DB>, row: Insertable<MessageTemplateTable>): Promise<void> {
  await db
    .insertInto('message_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'name', 'language', 'channel']).doUpdateSet({
        subject: row.subject ?? null,
        body: row.body,
        html: row.html ?? null,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteTemplate(
  db: Kysely<DB>,
  key: { merchantId: string; name: string; language: string; channel: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('message_templates')
    .where('merchant_id', '=', key.merchantId)
    .where('name', '=', key.name)
    .where('language', '=', key.language)
    .where('channel', '=', key.channel)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type SettingsRow = Selectable<MessagingSettingsTable>;

export function findSettings(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('messaging_settings')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst();
}

export async function saveSettings(db: Kysely<DB>, row: Insertable<MessagingSettingsTable>): Promise<void> {
  await db
    .insertInto('messaging_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('merchant_id').doUpdateSet({
        quiet_start: row.quiet_start ?? null,
        quiet_end: row.quiet_end ?? null,
        time_zone: row.time_zone ?? null,
        per_minute: row.per_minute ?? null,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export type PushSubscriptionRow = Selectable<PushSubscriptionTable>;

export function pushSubscriptionsOf(db: Kysely<DB>, merchantId: string, customerId: string) {
  return db
    .selectFrom('push_subscriptions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
}

/** Registers (or moves to this customer) a browser's subscription; answers its id. */
export async function savePushSubscription(
  db: Kysely<DB>,
  row: Insertable<PushSubscriptionTable>,
): Promise<string> {
  await db
    .insertInto('push_subscriptions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'endpoint']).doUpdateSet({
        customer_id: row.customer_id,
        p256dh: row.p256dh,
        auth: row.auth,
      }),
    )
    .execute();
  const saved = await db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('merchant_id', '=', row.merchant_id)
    .where('endpoint', '=', row.endpoint)
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function deletePushSubscription(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
}

/** The customer and merchant of an e-mail message (its unsubscribe link), or undefined. */
export async function unsubscribeTargetOf(db: Kysely<DB>, messageId: string) {
  const row = await db
    .selectFrom('outbox_messages')
    .innerJoin('merchants', 'merchants.id', 'outbox_messages.merchant_id')
    .select([
      'outbox_messages.merchant_id',
      'outbox_messages.customer_id',
      'outbox_messages.channel',
      'merchants.name',
    ])
    .where('outbox_messages.id', '=', messageId)
    .executeTakeFirst();
  if (!row?.customer_id || row.channel !== 'email') return undefined;
  return { merchantId: row.merchant_id, customerId: row.customer_id, merchantName: row.name };
}
