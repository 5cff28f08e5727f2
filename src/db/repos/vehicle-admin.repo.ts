/** Back-office reads and writes of a vehicles network: its settings by merchant, members, campaigns, courrier. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { StoreTable } from '../schema/index.js';
import type { VehicleMemberTable } from '../schema/index.js';

type Db = Kysely<DB>;

export function findNetworkByMerchant(db: Db, merchantId: string) {
  return db
    .selectFrom('merchants as m')
    .innerJoin('vehicle_networks as n', 'n.merchant_id', 'm.id')
    .select(['m.id as merchantId', 'm.slug', 'n.time_zone', 'n.default_monthly_mileage'])
    .where('m.id', '=', merchantId)
    .executeTakeFirst();
}

/** A member garage: its store and its member record, in the caller's transaction. */
export async function insertMemberStore(
  db: Db,
  store: StoreTable,
  member: VehicleMemberTable,
): Promise<void> {
  await db.insertInto('stores').values(store).execute();
  await db.insertInto('vehicle_members').values(member).execute();
}

export function findCampaign(db: Db, merchantId: string, campaignId: number) {
  return db
    .selectFrom('vehicle_campaigns')
    .select(['campaign_id', 'store_id', 'label', 'diffused_at'])
    .where('merchant_id', '=', merchantId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
}

/** The campaign's targets reached by postal mail, with the client's current postal address. */
export function courrierTargets(db: Db, merchantId: string, campaignId: number) {
  return db
    .selectFrom('vehicle_campaign_targets as t')
    .innerJoin('vehicle_clients as c', 'c.customer_id', 't.customer_id')
    .innerJoin('vehicle_campaign_operations as o', (j) =>
      j
        .onRef('o.merchant_id', '=', 't.merchant_id')
        .onRef('o.campaign_id', '=', 't.campaign_id')
        .onRef('o.job_id', '=', 't.job_id'),
    )
    .select([
      't.client_id',
      't.client_dms_id',
      't.civility',
      't.first_name',
      't.last_name',
      'c.company',
      'c.address1',
      'c.address2',
      'c.postal_code',
      'c.city',
      't.plate',
      't.brand',
      't.model',
      't.job_id',
      'o.promotion_label',
    ])
    .where('t.merchant_id', '=', merchantId)
    .where('t.campaign_id', '=', campaignId)
    .where('t.postal', '=', 1)
    .orderBy('t.last_name')
    .orderBy('t.client_id')
    .orderBy('t.plate')
    .execute();
}

/** Keeps the customer's channel consents and blacklist in step with the client's MMP flags. */
export async function setCustomerContact(
  db: Db,
  customerId: string,
  contact: { consents: string; blacklist: string; mobile?: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ ...contact, updated_at: now })
    .where('id', '=', customerId)
    .execute();
}
