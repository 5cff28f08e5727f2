import type { Kysely } from 'kysely';
import type { CustomerDetailTable } from '../schema/index.js';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type CustomerDetails = Omit<CustomerDetailTable, 'customer_id' | 'merchant_id'>;

export const NO_DETAILS: CustomerDetails = {
  gender_code: null,
  email: null,
  birth_date: null,
  nationality: null,
  identification_expires_on: null,
  phone: null,
  address_country: null,
  address_state: null,
  address_city: null,
  postal_code: null,
  segments: null,
};

export async function findCustomerDetails(
  db: Kysely<DB>,
  customerId: string,
): Promise<CustomerDetails | undefined> {
  const row = await db
    .selectFrom('customer_details')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { customer_id: _c, merchant_id: _m, ...details } = row;
  return details;
}

export async function saveCustomerDetails(
  tx: Tx,
  merchantId: string,
  customerId: string,
  details: CustomerDetails,
): Promise<void> {
  await tx.deleteFrom('customer_details').where('customer_id', '=', customerId).execute();
  await tx
    .insertInto('customer_details')
    .values({ customer_id: customerId, merchant_id: merchantId, ...details })
    .execute();
}

/** The details of many customers replaced: one delete, then multi-row inserts. */
export async function replaceManyCustomerDetails(
  tx: Tx,
  merchantId: string,
  rows: readonly { customerId: string; details: CustomerDetails; existed: boolean }[],
): Promise<void> {
  const existing = rows.filter((r) => r.existed).map((r) => r.customerId);
  if (existing.length > 0)
    await tx.deleteFrom('customer_details').where('customer_id', 'in', existing).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await tx
      .insertInto('customer_details')
      .values(
        rows
          .slice(i, i + 200)
          .map((r) => ({ customer_id: r.customerId, merchant_id: merchantId, ...r.details })),
      )
      .execute();
  }
}

/** Customer ids by code or by identification (type + number), erased customers excluded. */
export async function findCustomerId(
  db: Kysely<DB>,
  merchantId: string,
  by: { code: string } | { identificationType: string; identifier: string },
): Promise<string | undefined> {
  let q = db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('erased_at', 'is', null);
  q =
    'code' in by
      ? q.where('customer_code', '=', by.code)
      : q
          .where('identification_type', '=', by.identificationType)
          .where('identification_number', '=', by.identifier);
  const row = await q.orderBy('id').executeTakeFirst();
  return row?.id;
}

export async function merchantTimeZone(db: Kysely<DB>, merchantId: string): Promise<string | null> {
  const row = await db
    .selectFrom('merchants')
    .select('time_zone')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

export async function setMerchantTimeZone(db: Kysely<DB>, merchantId: string, zone: string): Promise<void> {
  await db.updateTable('merchants').set({ time_zone: zone }).where('id', '=', merchantId).execute();
}

export async function deleteCustomerDetails(tx: Tx, customerId: string): Promise<void> {
  await tx.deleteFrom('customer_details').where('customer_id', '=', customerId).execute();
}

/** A merchant's code (slug), currency and time zone. */
export async function findCompany(
  db: Kysely<DB>,
  merchantId: string,
): Promise<{ merchantId: string; slug: string; currency: string; zone: string | null } | undefined> {
  const row = await db
    .selectFrom('merchants')
    .select(['id', 'slug', 'currency', 'time_zone'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  return row
    ? { merchantId: row.id, slug: row.slug, currency: row.currency, zone: row.time_zone ?? null }
    : undefined;
}
