/** Writes that set up a vehicles network: settings, members, user bindings, grants, catalog overrides, campaigns. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type {
  VehicleCampaignOperationTable,
  VehicleCampaignTable,
  VehicleCampaignTargetTable,
  VehicleMemberTable,
  VehicleNetworkTable,
} from '../schema/index.js';

type Db = Kysely<DB>;

export async function insertNetwork(db: Db, row: VehicleNetworkTable): Promise<void> {
  await db.insertInto('vehicle_networks').values(row).execute();
}

export async function insertMember(db: Db, row: VehicleMemberTable): Promise<void> {
  await db.insertInto('vehicle_members').values(row).execute();
}

export async function bindUserToStore(db: Db, userId: string, storeId: string): Promise<void> {
  await db
    .insertInto('store_users')
    .values({ user_id: userId, store_id: storeId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ store_id: storeId }))
    .execute();
}

export async function allowGrant(db: Db, apiClientId: string, grantType: string): Promise<void> {
  await db
    .insertInto('oauth_client_grants')
    .values({ api_client_id: apiClientId, grant_type: grantType })
    .onConflict((oc) => oc.columns(['api_client_id', 'grant_type']).doNothing())
    .execute();
}

export async function upsertJobOverride(
  db: Db,
  merchantId: string,
  jobId: number,
  settings: string,
): Promise<void> {
  await db
    .insertInto('vehicle_job_overrides')
    .values({ merchant_id: merchantId, job_id: jobId, settings })
    .onConflict((oc) => oc.columns(['merchant_id', 'job_id']).doUpdateSet({ settings }))
    .execute();
}

export async function updateClientFlags(
  db: Db,
  merchantId: string,
  clientId: number,
  flags: Partial<Record<'sms_flag' | 'email_flag' | 'sync_phone' | 'sync_email', number>> & {
    privacy?: string | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('vehicle_clients')
    .set(flags)
    .where('merchant_id', '=', merchantId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertCampaign(
  db: Db,
  campaign: VehicleCampaignTable,
  operations: VehicleCampaignOperationTable[],
  targets: VehicleCampaignTargetTable[],
): Promise<void> {
  await db.insertInto('vehicle_campaigns').values(campaign).execute();
  if (operations.length) await db.insertInto('vehicle_campaign_operations').values(operations).execute();
  if (targets.length) await db.insertInto('vehicle_campaign_targets').values(targets).execute();
}

export function findClientById(db: Db, merchantId: string, clientId: number) {
  return db
    .selectFrom('vehicle_clients')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}
