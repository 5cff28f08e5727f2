/** Reads of the vehicles module: networks, members, a vehicle's rows, invoices, clients and reminders. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';

type Db = Kysely<DB>;

export function findNetworkBySlug(db: Db, slug: string) {
  return db
    .selectFrom('merchants as m')
    .innerJoin('vehicle_networks as n', 'n.merchant_id', 'm.id')
    .select(['m.id as merchantId', 'm.slug', 'm.name', 'n.time_zone', 'n.default_monthly_mileage'])
    .where('m.slug', '=', slug)
    .executeTakeFirst();
}

export function listMembers(db: Db, merchantId: string) {
  return db
    .selectFrom('vehicle_members as v')
    .innerJoin('stores as s', 's.id', 'v.store_id')
    .select([
      'v.store_id as storeId',
      'v.member_id as memberId',
      's.code as posCode',
      's.name as tradeName',
      'v.short_name as shortName',
      'v.workshop_siret as siret',
      'v.active',
    ])
    .where('v.merchant_id', '=', merchantId)
    .orderBy('v.member_id')
    .execute();
}

export function findStoreOfUser(db: Db, userId: string) {
  return db.selectFrom('store_users').select('store_id').where('user_id', '=', userId).executeTakeFirst();
}

export function listJobOverrides(db: Db, merchantId: string) {
  return db.selectFrom('vehicle_job_overrides').selectAll().where('merchant_id', '=', merchantId).execute();
}

export async function vehicleExists(db: Db, merchantId: string, plate: string): Promise<boolean> {
  const row = await db
    .selectFrom('vehicles')
    .select('plate')
    .where('merchant_id', '=', merchantId)
    .where('plate', '=', plate)
    .executeTakeFirst();
  return row !== undefined;
}

export function clientRowsOfPlate(db: Db, merchantId: string, plate: string) {
  return db
    .selectFrom('vehicle_client_rows as r')
    .innerJoin('vehicle_clients as c', 'c.customer_id', 'r.customer_id')
    .select(['r.row_order', 'r.row_values', 'r.store_id', 'r.last_visit_date', 'c.client_id'])
    .where('r.merchant_id', '=', merchantId)
    .where('r.plate', '=', plate)
    .orderBy('r.row_order')
    .execute();
}

export function invoicesOfPlate(db: Db, merchantId: string, plate: string) {
  return db
    .selectFrom('vehicle_invoices')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('plate', '=', plate)
    .orderBy('invoice_id')
    .execute();
}

export function linesOfInvoices(db: Db, merchantId: string, invoiceIds: number[]) {
  if (invoiceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vehicle_invoice_lines')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('invoice_id', 'in', invoiceIds)
    .orderBy('invoice_id')
    .orderBy('line_no')
    .execute();
}

export function clientsOfPlate(db: Db, merchantId: string, plate: string) {
  return db
    .selectFrom('vehicle_client_links as l')
    .innerJoin('vehicle_clients as c', 'c.customer_id', 'l.customer_id')
    .selectAll('c')
    .where('l.merchant_id', '=', merchantId)
    .where('l.plate', '=', plate)
    .orderBy('c.client_id')
    .execute();
}

export function blacklistCandidates(db: Db, merchantId: string, storeId?: string) {
  let q = db
    .selectFrom('vehicle_clients')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where((eb) =>
      eb.or([
        eb('sms_flag', '=', 0),
        eb('email_flag', '=', 0),
        eb('privacy', 'like', '%telephone mobile%'),
        eb('privacy', 'like', '%email%'),
      ]),
    );
  if (storeId !== undefined) q = q.where('store_id', '=', storeId);
  return q.orderBy('client_id').execute();
}

export function remindersOfPlate(db: Db, merchantId: string, plate: string) {
  return db
    .selectFrom('vehicle_campaign_targets as t')
    .innerJoin('vehicle_campaigns as c', (j) =>
      j.onRef('c.merchant_id', '=', 't.merchant_id').onRef('c.campaign_id', '=', 't.campaign_id'),
    )
    .innerJoin('vehicle_campaign_operations as o', (j) =>
      j
        .onRef('o.merchant_id', '=', 't.merchant_id')
        .onRef('o.campaign_id', '=', 't.campaign_id')
        .onRef('o.job_id', '=', 't.job_id'),
    )
    .select([
      'c.campaign_id',
      'c.label',
      'c.type',
      'c.store_id',
      'c.diffused_at',
      't.job_id',
      'o.promotion_id',
      'o.promotion_label',
      't.client_dms_id',
      't.sms',
      't.email',
      't.postal',
    ])
    .where('t.merchant_id', '=', merchantId)
    .where('t.plate', '=', plate)
    .where('c.diffused_at', 'is not', null)
    .orderBy('c.diffused_at', 'desc')
    .orderBy('c.campaign_id', 'desc')
    .execute();
}

export function diffusedCampaignsOfStore(
  db: Db,
  merchantId: string,
  storeId: string,
  offset: number,
  limit: number,
) {
  return db
    .selectFrom('vehicle_campaigns')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('store_id', '=', storeId)
    .where('diffused_at', 'is not', null)
    .orderBy('diffused_at', 'desc')
    .orderBy('campaign_id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export function targetsOfCampaigns(db: Db, merchantId: string, campaignIds: number[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vehicle_campaign_targets as t')
    .innerJoin('vehicle_campaign_operations as o', (j) =>
      j
        .onRef('o.merchant_id', '=', 't.merchant_id')
        .onRef('o.campaign_id', '=', 't.campaign_id')
        .onRef('o.job_id', '=', 't.job_id'),
    )
    .selectAll('t')
    .select(['o.promotion_id', 'o.promotion_label'])
    .where('t.merchant_id', '=', merchantId)
    .where('t.campaign_id', 'in', campaignIds)
    .execute();
}
