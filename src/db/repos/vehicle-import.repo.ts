/** Writes of a clients-and-invoices import (inside the import's transaction). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type {
  VehicleClientRowTable,
  VehicleClientTable,
  VehicleInvoiceLineTable,
  VehicleInvoiceTable,
} from '../schema/index.js';

type Db = Kysely<DB>;

export function findClientByIdentity(
  db: Db,
  merchantId: string,
  storeId: string,
  siret: string,
  dmsId: string,
) {
  return db
    .selectFrom('vehicle_clients')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('store_id', '=', storeId)
    .where('workshop_siret', '=', siret)
    .where('dms_id', '=', dmsId)
    .executeTakeFirst();
}

/** The customers row of a vehicle client: identity and consents, for the rest of the engine. */
export interface CustomerPart {
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  address1: string | null;
  address2: string | null;
  zip_code: string | null;
  city: string | null;
  email: string | null;
  /** E.164, from the client's French mobile number (the SMS channel sends to it). */
  mobile: string | null;
  attributes: string;
  consents: string;
  blacklist: string;
  search_text: string;
}

export async function insertClient(
  db: Db,
  merchantId: string,
  ref: number,
  customer: CustomerPart,
  client: VehicleClientTable,
  now: string,
): Promise<void> {
  await db
    .insertInto('customers')
    .values({
      id: client.customer_id,
      merchant_id: merchantId,
      ref,
      ...customer,
      gender: null,
      birth_day: null,
      birth_month: null,
      birth_year: null,
      phone: null,
      address3: null,
      address4: null,
      country: 'FR',
      customer_type: null,
      identification_type: null,
      identification_number: null,
      customer_code: null,
      source: 'dms',
      no_fidelity: 0,
      active: 1,
      godfather_id: null,
      erased_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db.insertInto('vehicle_clients').values(client).execute();
}

export async function updateClient(
  db: Db,
  customerId: string,
  customer: CustomerPart,
  client: Partial<VehicleClientTable>,
  now: string,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ ...customer, updated_at: now })
    .where('id', '=', customerId)
    .execute();
  await db.updateTable('vehicle_clients').set(client).where('customer_id', '=', customerId).execute();
}

export async function upsertClientRow(db: Db, row: VehicleClientRowTable): Promise<void> {
  await db
    .insertInto('vehicle_client_rows')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'store_id', 'workshop_siret', 'dms_id', 'plate']).doUpdateSet({
        row_values: row.row_values,
        import_id: row.import_id,
        customer_id: row.customer_id,
        last_visit_date: row.last_visit_date,
      }),
    )
    .execute();
}

export async function ensureVehicle(db: Db, merchantId: string, plate: string, now: string): Promise<void> {
  await db
    .insertInto('vehicles')
    .values({ merchant_id: merchantId, plate, created_at: now })
    .onConflict((oc) => oc.columns(['merchant_id', 'plate']).doNothing())
    .execute();
}

export async function linkClientVehicle(
  db: Db,
  merchantId: string,
  customerId: string,
  plate: string,
  source: 'import' | 'back_office',
): Promise<void> {
  await db
    .insertInto('vehicle_client_links')
    .values({ merchant_id: merchantId, customer_id: customerId, plate, source })
    .onConflict((oc) => oc.columns(['customer_id', 'plate']).doNothing())
    .execute();
}

/** The ids of those of a workshop's invoices (by DMS number) that exist already. */
export async function findInvoiceIds(
  db: Db,
  merchantId: string,
  siret: string,
  dmsIds: string[],
): Promise<Map<string, number>> {
  if (dmsIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('vehicle_invoices')
    .select(['dms_id', 'invoice_id'])
    .where('merchant_id', '=', merchantId)
    .where('workshop_siret', '=', siret)
    .where('dms_id', 'in', dmsIds)
    .execute();
  return new Map(rows.map((r) => [r.dms_id, Number(r.invoice_id)]));
}

export async function insertInvoices(db: Db, rows: VehicleInvoiceTable[]): Promise<void> {
  if (rows.length) await db.insertInto('vehicle_invoices').values(rows).execute();
}

export async function replaceInvoice(db: Db, row: VehicleInvoiceTable): Promise<void> {
  const { merchant_id, invoice_id, ...rest } = row;
  await db
    .updateTable('vehicle_invoices')
    .set(rest)
    .where('merchant_id', '=', merchant_id)
    .where('invoice_id', '=', invoice_id)
    .execute();
  await db
    .deleteFrom('vehicle_invoice_lines')
    .where('merchant_id', '=', merchant_id)
    .where('invoice_id', '=', invoice_id)
    .execute();
}

export async function insertLines(db: Db, lines: VehicleInvoiceLineTable[]): Promise<void> {
  if (lines.length) await db.insertInto('vehicle_invoice_lines').values(lines).execute();
}

/** Reserves n consecutive values of a network sequence; returns the first. */
export async function reserve(
  db: Db,
  merchantId: string,
  column: 'next_invoice_id' | 'next_campaign_id' | 'next_promotion_id' | 'next_row_order',
  n = 1,
): Promise<number> {
  const row = await db
    .updateTable('vehicle_networks')
    .set({ [column]: sql<number>`${sql.ref(column)} + ${n}` })
    .where('merchant_id', '=', merchantId)
    .returning(column)
    .executeTakeFirstOrThrow();
  return Number((row as Record<string, unknown>)[column]) - n;
}

export function findClientByCustomerId(db: Db, customerId: string) {
  return db
    .selectFrom('vehicle_clients')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
}
